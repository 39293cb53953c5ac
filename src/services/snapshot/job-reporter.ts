/**
 * Keeps the snapshot job record current for the UI without slowing the build: progress is written at
 * most once per interval (and at every phase change), one write at a time, and a failed write is only
 * logged: progress is a courtesy, never a reason to fail the build.
 */
import type { SnapshotJob } from '../../shared/contract';
import { writeSnapshotJob } from '../../storage/snapshot-job';

const PROGRESS_INTERVAL_MS = 2_000;

export class JobReporter {
  private job: SnapshotJob;
  private lastWrite = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    start: Pick<SnapshotJob, 'kind' | 'reason' | 'requestedAt'>,
    private readonly now: () => number,
  ) {
    this.job = {
      ...start,
      phase: 'discovering',
      startedAt: new Date(now()).toISOString(),
      finishedAt: null,
      issuesFetched: 0,
      partitionsDone: 0,
      partitionsTotal: 0,
      jiraRequests: 0,
      message: null,
    };
  }

  get current(): SnapshotJob {
    return this.job;
  }

  update(patch: Partial<SnapshotJob>): void {
    const phaseChanged = patch.phase !== undefined && patch.phase !== this.job.phase;
    this.job = { ...this.job, ...patch };
    if (!phaseChanged && this.now() - this.lastWrite < PROGRESS_INTERVAL_MS) return;
    this.lastWrite = this.now();
    const snapshot = this.job;
    this.chain = this.chain.then(() =>
      writeSnapshotJob(snapshot).catch((error: unknown) => {
        console.warn(JSON.stringify({ event: 'snapshot-job-write-failed', error: String(error) }));
      }),
    );
  }

  /** Writes the final state and waits for every pending write. */
  async finish(patch: Partial<SnapshotJob>): Promise<void> {
    this.job = { ...this.job, ...patch, finishedAt: new Date(this.now()).toISOString() };
    const final = this.job;
    this.chain = this.chain.then(() => writeSnapshotJob(final));
    await this.chain;
  }
}
