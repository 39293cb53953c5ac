/** Runs a snapshot job in the Forge double as the consumer would, with a clock that never really waits. */
import { clock as appClock } from '../../src/clock';
import { JiraClient } from '../../src/jira/client';
import { forgeTransport } from '../../src/jira/forge-transport';
import { retryPolicyFor, type RetryPolicy } from '../../src/jira/retry-policy';
import { syncProgram, type SyncOutcome } from '../../src/services/program-sync';
import type { SyncRequest } from '../../src/services/sync-queue';
import type { Harness } from '../resolvers/harness';
import { FakeClock } from './fake-clock';

export interface JobRun extends SyncOutcome {
  clock: FakeClock;
  jiraRequests: number;
}

export async function runJob(
  h: Harness,
  request: SyncRequest,
  options: { concurrency?: number; policy?: Partial<RetryPolicy> } = {},
): Promise<JobRun> {
  const clock = new FakeClock(appClock());
  const policy = { ...retryPolicyFor('consumer', () => 0.5), ...options.policy };
  const asApp = new JiraClient(forgeTransport('app'), { policy, clock });
  const outcome = await h.forge.runAsApp(() =>
    syncProgram(asApp, request, appClock, {
      holder: `test-${Math.random()}`,
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    }),
  );
  return { ...outcome, clock, jiraRequests: asApp.sentRequests };
}
