/**
 * The snapshot job run by the queue consumer, as the app: a full rebuild or an incremental refresh,
 * one at a time (a lease), with its progress recorded for the UI and its outcome summarised for the
 * admin page. An incremental refresh becomes a full rebuild when there is nothing to refresh from, when
 * the program's projects changed, or when the last full rebuild is a day old (to reconcile deletions
 * that no event reported).
 */
import type { JiraClient } from '../jira/client';
import type { ProgramSync } from '../shared/contract';
import { clearPendingChanges, readPendingChanges } from '../storage/pending-changes';
import { readStoredConfig } from '../storage/program-config';
import { writeProgramSummary } from '../storage/program-summary';
import { acquireLease, readLease, readSnapshotJob, releaseLease } from '../storage/snapshot-job';
import { currentProgramId, DEFAULT_PROGRAM_ID } from '../storage/program-scope';
import type { SnapshotManifest } from '../storage/snapshot-schema';
import { readManifest } from '../storage/snapshot-store';
import { DEFAULT_CONCURRENCY } from './snapshot/build-context';
import { buildFullSnapshot } from './snapshot/full-build';
import { refreshSnapshot } from './snapshot/incremental-refresh';
import { ISSUE_SHAPE } from './snapshot/issue-shape';
import { JobReporter } from './snapshot/job-reporter';
import { requestSnapshotJob } from './snapshot/snapshot-requests';
import { isProgram } from './programs/program-directory';
import { requestProgramSync, type SyncRequest } from './sync-queue';

const FULL_REBUILD_EVERY_MS = 24 * 60 * 60_000;
/** Longer than a consumer can live (900 s), so a live build is never overtaken; at most MAX_LEASE_MS. */
const LEASE_MS = 16 * 60_000;
/** A targeted refresh that found another job running tries again this much later. */
const DEFER_TARGETED_S = 30;
/** A request that found another program's build running tries again this much later. */
const DEFER_OTHER_PROGRAM_S = 60;

export interface SyncOutcome {
  /** `dropped`: the program was deleted before this job took the lease, so it built nothing. */
  status: 'done' | 'failed' | 'deferred' | 'dropped';
  manifest?: SnapshotManifest;
  message?: string;
}

async function needsFullBuild(request: SyncRequest, manifest: SnapshotManifest | undefined, now: number) {
  if (request.mode === 'full' || !manifest) return true;
  // Issues of an older stored shape are rebuilt, never patched with issues of the current one.
  if ((manifest.issueShape ?? 1) !== ISSUE_SHAPE) return true;
  const projects = (await readStoredConfig())?.config.projects;
  // An empty project list means every browsable project (the build resolves it), so it never differs.
  if (projects?.length && JSON.stringify(projects) !== JSON.stringify(manifest.projectKeys)) return true;
  return now - Date.parse(manifest.fullBuiltAt) > FULL_REBUILD_EVERY_MS;
}

/**
 * A change Jira reported while this job ran is not in what it read: queue a refresh for it now rather
 * than at the next hourly sync. A full build covers every change noted before it started (those notes
 * are dropped); an incremental refresh has already dropped the notes it read.
 */
async function followUpPendingChanges(manifest: SnapshotManifest, startedAt: number, now: number) {
  const pending = await readPendingChanges();
  const before = pending.filter((p) => Date.parse(p.at) < startedAt);
  if (manifest.kind === 'full') await clearPendingChanges(before.map((p) => p.storageKey));
  // Notes from before an incremental refresh that are still here are ones it could not read: they
  // wait for the next scheduled refresh instead of retrying in a loop while Jira fails.
  if (pending.length > before.length) await requestSnapshotJob({ reason: 'event', mode: 'incremental' }, now);
}

export async function syncProgram(
  asApp: JiraClient,
  request: SyncRequest,
  now: () => number,
  options: { holder: string; concurrency?: number } = { holder: 'consumer' },
): Promise<SyncOutcome> {
  const lease = await acquireLease(options.holder, now(), LEASE_MS);
  if (!lease) {
    // Another program's build holds the installation's lease: its follow-up covers only its own
    // program, so this request waits its turn whatever its kind.
    const holder = await readLease();
    if (holder && (holder.programId ?? DEFAULT_PROGRAM_ID) !== currentProgramId()) {
      await requestProgramSync(request, DEFER_OTHER_PROGRAM_S);
      return { status: 'deferred' };
    }
    // Another job is running: a full rebuild or a targeted refresh waits for it (the running job may
    // have read those issues before the app changed them), and so does an event's refresh (the events
    // that found it queued were not noted, see triggers/jira-events.ts); any other incremental one is
    // covered by the running job's follow-up (see followUpPendingChanges).
    if (request.mode === 'full') await requestProgramSync(request, 60);
    else if (request.issues || request.reason === 'event')
      await requestProgramSync(request, DEFER_TARGETED_S);
    return { status: 'deferred' };
  }
  // A delete holds the lease while it removes the program (manage-programs.ts): a job that passed the
  // worker's check before that and took the lease after it must not write the program's keys back.
  if (!(await isProgram(currentProgramId()))) {
    await releaseLease(options.holder);
    return { status: 'dropped', message: 'the program was deleted' };
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
  const ctx = { asApp, now, concurrency: options.concurrency ?? DEFAULT_CONCURRENCY, reporter, lease };
  try {
    const manifest =
      full || !previous ? await buildFullSnapshot(ctx) : await refreshSnapshot(ctx, previous, request.issues);
    const summary: ProgramSync = {
      at: manifest.builtAt,
      reason: request.reason,
      kind: manifest.kind,
      projectCount: manifest.projectKeys.length,
      issueCount: manifest.issueCount,
      epicCount: manifest.epicCount,
    };
    await writeProgramSummary(summary);
    const reasons = [...manifest.partial, ...(manifest.refreshPartial ?? [])];
    const partial =
      reasons.length > 0 ? `partial: ${reasons.map((p) => `${p.scope}: ${p.reason}`).join('; ')}` : null;
    await reporter.finish({
      phase: 'done',
      jiraRequests: asApp.sentRequests,
      issuesFetched: reporter.current.issuesFetched,
      message: partial,
    });
    await followUpPendingChanges(manifest, Date.parse(reporter.current.startedAt ?? manifest.builtAt), now());
    return { status: 'done', manifest };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await reporter.finish({ phase: 'failed', jiraRequests: asApp.sentRequests, message });
    return { status: 'failed', message };
  } finally {
    await releaseLease(options.holder);
  }
}
