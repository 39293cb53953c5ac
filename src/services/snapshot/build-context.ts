/** What a snapshot job needs from outside: Jira as the app, a clock, and how hard it may push Jira. */
import type { JiraClient } from '../../jira/client';
import { leaseStillHeld, type LeaseHandle } from '../../storage/snapshot-job';
import type { JobReporter } from './job-reporter';

export interface SnapshotJobContext {
  asApp: JiraClient;
  now: () => number;
  /** Requests in flight at most (the partition pool's size). */
  concurrency: number;
  reporter: JobReporter;
  /** The build lease this job holds: the snapshot switch commits only while it still holds it. */
  lease?: LeaseHandle;
}

export const DEFAULT_CONCURRENCY = 8;

/** A version id that sorts by time and never collides between two builds in the same millisecond. */
export function newVersion(now: number): string {
  return `${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The snapshot switch's fence: the pointer is written only while this job still holds its lease. */
export function fenceOf(ctx: SnapshotJobContext) {
  const { lease } = ctx;
  return lease ? (tx: Parameters<typeof leaseStillHeld>[0]) => leaseStillHeld(tx, lease) : undefined;
}
