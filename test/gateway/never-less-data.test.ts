import { readManifest } from '../../src/storage/snapshot-store';
import { dataOf, startHarness, type Harness } from '../resolvers/harness';
import { runJob } from './job-runner';

const BULK = '/rest/api/3/issue/bulkfetch';
const full = { reason: 'requested', mode: 'full' } as const;

describe('a Jira outage during a full build, after the census', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.configureProgram('Payments', ['PAY', 'CHK', 'SRCH', 'MOB', 'PLAT']);
    await h.buildSnapshot();
  });
  afterAll(() => h.close());

  it('keeps every issue’s previous data, marks the snapshot partial with one aggregated reason, and the board keeps its epics', async () => {
    const before = await h.forge.runAsApp(readManifest);
    const epicsBefore = dataOf(await h.call('panel/getBoard', {}, 'cpo')).total;
    expect(epicsBefore).toBeGreaterThan(0);
    h.emulator.faults.add({ method: 'POST', path: BULK, status: 503, count: 1_000 });
    const run = await runJob(h, full, { policy: { maxAttempts: 1 } });
    h.emulator.faults.clear();
    expect(run.status).toBe('done');
    expect(run.manifest?.issueCount).toBe(before?.issueCount);
    const partial = run.manifest?.partial ?? [];
    // Five failed pages with the same cause make one reason, plus the line saying what was kept.
    expect(partial.length).toBeLessThanOrEqual(2);
    expect(partial.map((p) => p.reason).join(' ')).toContain('previous data is kept');
    await h.deliverQueue();
    const board = dataOf(await h.call('panel/getBoard', {}, 'cpo'));
    expect(board.total).toBe(epicsBefore);
    expect(board.snapshot.partial.length).toBeGreaterThan(0);
  }, 30_000);
});
