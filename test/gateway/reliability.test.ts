import { JiraClient } from '../../src/jira/client';
import { forgeTransport } from '../../src/jira/forge-transport';
import { projectIn } from '../../src/jira/jql';
import { retryPolicyFor } from '../../src/jira/retry-policy';
import { searchIssues } from '../../src/jira/search';
import { readSnapshotJob } from '../../src/storage/snapshot-job';
import { readManifest } from '../../src/storage/snapshot-store';
import { judgeRequest } from '../contract/openapi-judge';
import { dataOf, startHarness, type Harness } from '../resolvers/harness';
import { FakeClock } from './fake-clock';
import { runJob } from './job-runner';

const BULK = '/rest/api/3/issue/bulkfetch';
const SEARCH = '/rest/api/3/search/jql';
const full = { reason: 'requested', mode: 'full' } as const;

describe('the gateway under Jira faults (emulator fault injection)', () => {
  let h: Harness;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    h = await startHarness();
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await h.close();
  });
  beforeEach(() => {
    h.forge.kvs.clear();
    h.emulator.faults.clear();
  });

  it('honours 429 with Retry-After and still stores the whole program', async () => {
    h.emulator.faults.add({
      method: 'POST',
      path: BULK,
      status: 429,
      retryAfterSeconds: 2,
      nth: 2,
      count: 2,
    });
    const run = await runJob(h, full);
    expect(run.status).toBe('done');
    expect(run.manifest).toMatchObject({ issueCount: h.dataset.issues.length, partial: [] });
    expect(run.clock.sleeps.filter((ms) => ms >= 2_000)).toHaveLength(2);
  });

  it.each([500, 502, 503])('recovers from HTTP %i on the census and on partitions', async (status) => {
    h.emulator.faults.add({ method: 'POST', path: SEARCH, status, nth: 1, count: 2 });
    h.emulator.faults.add({ method: 'POST', path: BULK, status, nth: 3, count: 1 });
    const run = await runJob(h, full);
    expect(run.manifest).toMatchObject({ issueCount: h.dataset.issues.length, partial: [] });
  });

  it('retries a reply cut short (malformed JSON)', async () => {
    h.emulator.faults.add({ method: 'POST', path: BULK, malformedBody: true, nth: 1, count: 1 });
    const run = await runJob(h, full);
    expect(run.manifest).toMatchObject({ issueCount: h.dataset.issues.length, partial: [] });
  });

  it('gives up on a reply slower than its time limit and asks again', async () => {
    // The limit leaves room for ordinary replies on a loaded 2-core CI machine (100 ms did not), and the
    // injected delay is far beyond it, so only the faulted reply times out.
    h.emulator.faults.add({ method: 'POST', path: BULK, latencyMs: 6000, nth: 1, count: 1 });
    const started = performance.now();
    const run = await runJob(h, full, { policy: { requestTimeoutMs: 1000 } });
    // Had the app waited for the slow reply instead of asking again, the job could not end before it.
    expect(performance.now() - started).toBeLessThan(6000);
    expect(run.manifest).toMatchObject({ issueCount: h.dataset.issues.length, partial: [] });
    expect(h.emulator.faults.list()[0]?.fired).toBe(1);
  });

  it('restarts a search whose page token expired, without duplicating issues', async () => {
    h.emulator.faults.add({ method: 'POST', path: SEARCH, expiredPageToken: true, nth: 3, count: 1 });
    const client = new JiraClient(forgeTransport('app'), {
      policy: retryPolicyFor('consumer'),
      clock: new FakeClock(),
    });
    const jql = `${projectIn(['PAY', 'CHK', 'SRCH', 'MOB', 'PLAT'])} ORDER BY key ASC`;
    const issues = await h.forge.runAsApp(() => searchIssues(client, jql, ['summary']));
    expect(issues).toHaveLength(h.dataset.issues.length);
    expect(new Set(issues.map((i) => i.id)).size).toBe(issues.length);
    expect(h.emulator.faults.list()[0]?.fired).toBe(1);
  });

  it('marks the snapshot partial, naming the range and the reason, when one partition keeps failing', async () => {
    // Consumer policy: 6 attempts. The 6 attempts of the partition that reads one issue all fail
    // (its retries queue behind other partitions' reads); everything else succeeds.
    const id = h.dataset.issues[150]?.id ?? '';
    h.emulator.faults.add({ method: 'POST', path: BULK, bodyIncludes: `"${id}"`, status: 503, count: 6 });
    const run = await runJob(h, full, { concurrency: 1 });
    expect(run.status).toBe('done');
    expect(run.manifest?.issueCount).toBe(h.dataset.issues.length - 100);
    expect(run.manifest?.partial).toEqual([
      {
        scope: expect.stringMatching(/^[A-Z]+-\d+\.\.[A-Z]+-\d+.* \(100 issues\)$/),
        reason: expect.stringContaining('bulkfetch'),
      },
    ]);
    expect((await h.forge.runAsApp(readSnapshotJob))?.message).toMatch(/^partial: /);
    const board = dataOf(await h.call('panel/getBoard', {}, 'cpo'));
    expect(board.snapshot.partial).toHaveLength(1);
  });

  it('keeps the previous snapshot and records the failure when the census keeps failing', async () => {
    const first = await runJob(h, full);
    h.emulator.faults.add({ method: 'POST', path: SEARCH, status: 503, count: 100 });
    const run = await runJob(h, full);
    expect(run.status).toBe('failed');
    expect((await h.forge.runAsApp(readManifest))?.version).toBe(first.manifest?.version);
    expect(await h.forge.runAsApp(readSnapshotJob)).toMatchObject({
      phase: 'failed',
      message: expect.stringContaining('unexpected condition'),
    });
  });

  it('sent only requests the Jira OpenAPI spec allows, throughout', () => {
    const violations = h.exchanges.flatMap((ex) =>
      judgeRequest(ex).map((v) => `${ex.method} ${ex.path}: ${v}`),
    );
    expect(violations).toEqual([]);
  });

  it('left no promise rejection unhandled', () => {
    expect(unhandled).toEqual([]);
  });
});
