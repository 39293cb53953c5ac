/**
 * The snapshot job run by the queue consumer, as the app: a full rebuild or an incremental refresh,
 * one at a time (a lease), with its progress recorded for the UI and its outcome summarised for the
 * admin page. An incremental refresh becomes a full rebuild when there is nothing to refresh from, when
 * the program's projects changed, or when the last full rebuild is a day old (to reconcile deletions
 * that no event reported).
 */
import type { JiraClient } from '../jira/client';
import type { ProgramSync } from '../shared/contract';
import { readStoredConfig } from '../storage/program-config';
import { writeProgramSummary } from '../storage/program-summary';
import { acquireLease, readSnapshotJob, releaseLease } from '../storage/snapshot-job';
import type { SnapshotManifest } from '../storage/snapshot-schema';
import { readManifest } from '../storage/snapshot-store';
import { DEFAULT_CONCURRENCY } from './snapshot/build-context';
import { buildFullSnapshot } from './snapshot/full-build';
import { refreshSnapshot } from './snapshot/incremental-refresh';
import { JobReporter } from './snapshot/job-reporter';
import { requestProgramSync, type SyncRequest } from './sync-queue';

const FULL_REBUILD_EVERY_MS = 24 * 60 * 60_000;
const LEASE_MS = 16 * 60_000;

export interface SyncOutcome {
  status: 'done' | 'failed' | 'deferred';
  manifest?: SnapshotManifest;
  message?: string;
}

async function needsFullBuild(request: SyncRequest, manifest: SnapshotManifest | undefined, now: number) {
  if (request.mode === 'full' || !manifest) return true;
  const projects = (await readStoredConfig())?.config.projects;
  // An empty project list means every browsable project (the build resolves it), so it never differs.
  if (projects?.length && JSON.stringify(projects) !== JSON.stringify(manifest.projectKeys)) return true;
  return now - Date.parse(manifest.fullBuiltAt) > FULL_REBUILD_EVERY_MS;
}

export async function syncProgram(
  asApp: JiraClient,
  request: SyncRequest,
  now: () => number,
  options: { holder: string; concurrency?: number } = { holder: 'consumer' },
): Promise<SyncOutcome> {
  if (!(await acquireLease(options.holder, now(), LEASE_MS))) {
    // Another job is running: a full rebuild waits for it; an incremental one is covered by the next.
    if (request.mode === 'full') await requestProgramSync(request, 60);
    return { status: 'deferred' };
  }
  const previous = await readManifest();
  const full = await needsFullBuild(request, previous, now());
  const queued = await readSnapshotJob();
  const reporter = new JobReporter(
    {
      kind: full ? 'full' : 'incremental',
      reason: request.reason,
      requestedAt: queued?.requestedAt ?? new Date(now()).toISOString(),
    },
    now,
  );
  const ctx = { asApp, now, concurrency: options.concurrency ?? DEFAULT_CONCURRENCY, reporter };
  try {
    const manifest = full || !previous ? await buildFullSnapshot(ctx) : await refreshSnapshot(ctx, previous);
    const summary: ProgramSync = {
      at: manifest.builtAt,
      reason: request.reason,
      kind: manifest.kind,
      projectCount: manifest.projectKeys.length,
      issueCount: manifest.issueCount,
      epicCount: manifest.epicCount,
    };
    await writeProgramSummary(summary);
    const partial =
      manifest.partial.length > 0
        ? `partial: ${manifest.partial.map((p) => `${p.scope}: ${p.reason}`).join('; ')}`
        : null;
    await reporter.finish({
      phase: 'done',
      jiraRequests: asApp.sentRequests,
      issuesFetched: reporter.current.issuesFetched,
      message: partial,
    });
    return { status: 'done', manifest };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await reporter.finish({ phase: 'failed', jiraRequests: asApp.sentRequests, message });
    return { status: 'failed', message };
  } finally {
    await releaseLease(options.holder);
  }
}
