/**
 * Asking for snapshot work from a resolver or trigger: the job record says what is queued or running,
 * so repeated asks (a panel opened by many users before the first build) enqueue one job, not many.
 */
import type { RefreshOutcome, SnapshotJob, SnapshotStatus } from '../../shared/contract';
import { readAnalysisManifest } from '../../storage/analysis-store';
import { readMetascrumOrder } from '../../storage/metascrum-order';
import { readStoredConfig } from '../../storage/program-config';
import { analysisInfoOf } from '../analysis/analysis-info';
import { readSnapshotJob, writeSnapshotJob } from '../../storage/snapshot-job';
import { readManifest } from '../../storage/snapshot-store';
import { chunksOf } from '../../jira/request-limits';
import { requestProgramSync, TARGETED_REFRESH_LIMIT, type SyncRequest } from '../sync-queue';

/** A request for snapshot work (analysis-only runs are asked for in services/analysis). */
export type SnapshotRequest = SyncRequest & {
  mode?: 'full' | 'incremental';
  reason: Exclude<SyncRequest['reason'], 'order'>;
};
import { programProjects, redactedFor, snapshotInfo } from './snapshot-reader';

/** A queued or running job younger than this is trusted to still be on its way. */
const JOB_STALE_MS = 15 * 60_000;

function isBusy(job: SnapshotJob | undefined, now: number): boolean {
  if (!job || job.phase === 'done' || job.phase === 'failed') return false;
  return now - Date.parse(job.startedAt ?? job.requestedAt) < JOB_STALE_MS;
}

function queuedJob(kind: SnapshotJob['kind'], reason: string, now: number): SnapshotJob {
  return {
    kind,
    reason,
    phase: 'queued',
    requestedAt: new Date(now).toISOString(),
    startedAt: null,
    finishedAt: null,
    issuesFetched: 0,
    partitionsDone: 0,
    partitionsTotal: 0,
    jiraRequests: 0,
    message: null,
  };
}

/**
 * Whether a job on its way will search Jira for every issue changed before it starts: a queued full
 * build, or a queued refresh that an event asked for (its `updated >= -<minutes>m` window reaches back
 * before the last sync). A targeted refresh (reason `refresh`, the app's own writes) searches nothing,
 * and a job already fetching may have searched already: events then still need their note.
 */
export function queuedJobSearches(job: SnapshotJob | undefined, now: number): boolean {
  if (!job || job.phase !== 'queued' || !isBusy(job, now)) return false;
  return job.kind === 'full' || job.reason === 'event';
}

/** Enqueues `request` unless an equal or bigger job is already on its way; returns the job record. */
export async function requestSnapshotJob(request: SnapshotRequest, now: number): Promise<SnapshotJob> {
  const current = await readSnapshotJob();
  const kind = request.mode ?? 'incremental';
  if (current && isBusy(current, now) && (current.kind === 'full' || kind === 'incremental')) return current;
  const job = queuedJob(kind, request.reason, now);
  await writeSnapshotJob(job);
  await requestProgramSync(request);
  return job;
}

/**
 * The app refreshes its own writes: after it changed `keys` in Jira (a resolve, a rank flow), it queues
 * a refresh of exactly those issues, so the snapshot and the analysis follow within seconds instead of
 * waiting for an `updated` search or the hourly sync. A job already on its way keeps its record; the
 * consumer defers a targeted refresh that finds the lease taken until the running job is done.
 */
export async function requestTargetedRefresh(
  keys: readonly string[],
  reason: SnapshotRequest['reason'],
  now: number,
): Promise<void> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return;
  const current = await readSnapshotJob();
  if (!isBusy(current, now)) await writeSnapshotJob(queuedJob('incremental', reason, now));
  for (const issues of chunksOf(unique, TARGETED_REFRESH_LIMIT)) {
    await requestProgramSync({ reason, mode: 'incremental', issues });
  }
}

/** `visible`: the user's browsable project keys (undefined for an administrator, who may see all). */
export async function snapshotStatus(now: number, visible?: ReadonlySet<string>): Promise<SnapshotStatus> {
  const [manifest, job, analysis, order, stored] = await Promise.all([
    readManifest(),
    readSnapshotJob(),
    readAnalysisManifest(),
    readMetascrumOrder(),
    readStoredConfig(),
  ]);
  const message = job?.message ?? null;
  return {
    snapshot: snapshotInfo(manifest, now, visible, job),
    job: job
      ? {
          ...job,
          message: message === null ? null : redactedFor(message, visible, programProjects(manifest)),
        }
      : null,
    analysis: analysisInfoOf(manifest, analysis, order, stored),
  };
}

/** A user's refresh waits this long after the last one finished (many users, one program). */
const REFRESH_EVERY_MS = 60_000;

/**
 * A user's refresh: incremental, and not again within a minute of the last one finishing; the answer
 * says what happened, so a click is never a silent no-op. A failed job never blocks a retry.
 */
export async function refreshOnRequest(now: number, visible: ReadonlySet<string>): Promise<SnapshotStatus> {
  const job = await readSnapshotJob();
  const finished = job?.phase === 'done' && job.finishedAt ? Date.parse(job.finishedAt) : undefined;
  let refresh: RefreshOutcome;
  if (isBusy(job, now)) {
    refresh = {
      outcome: 'running',
      retryAt: null,
      message: 'A refresh is already on its way; this view follows it.',
    };
  } else if (finished !== undefined && now - finished < REFRESH_EVERY_MS) {
    const retryAt = finished + REFRESH_EVERY_MS;
    const wait = Math.ceil((retryAt - now) / 1000);
    refresh = {
      outcome: 'too-soon',
      retryAt: new Date(retryAt).toISOString(),
      message: `The data was brought up to date ${Math.round((now - finished) / 1000)} s ago; you can refresh again in ${wait} s.`,
    };
  } else {
    await requestSnapshotJob({ reason: 'refresh', mode: 'incremental' }, now);
    refresh = { outcome: 'queued', retryAt: null, message: 'Refresh queued.' };
  }
  return { ...(await snapshotStatus(now, visible)), refresh };
}

/** An admin's full rebuild (also reconciles deletions that events missed). */
export async function rebuildOnRequest(now: number): Promise<SnapshotStatus> {
  await requestSnapshotJob({ reason: 'requested', mode: 'full' }, now);
  return snapshotStatus(now);
}
