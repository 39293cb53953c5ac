import { onJiraChange } from '../../src/index';
import { readProgramIssues } from '../../src/services/snapshot/snapshot-reader';
import { readSnapshotJob } from '../../src/storage/snapshot-job';
import { readPendingChanges } from '../../src/storage/pending-changes';
import { readManifest } from '../../src/storage/snapshot-store';
import type { Exchange } from '../../dev/emulator';
import { DEMO_NOW_MS, pinAppClock } from '../doubles/pinned-clock';
import { runJob } from '../gateway/job-runner';
import { dataOf, startHarness, type Harness } from '../resolvers/harness';

const ALL = new Set(['PAY', 'CHK', 'SRCH', 'MOB', 'PLAT']);
const BULK = '/rest/api/3/issue/bulkfetch';
const SEARCH = '/rest/api/3/search/jql';

/** Issue 12, problems 6 and 8: refreshes that say what they do, follow changes, and show failures. */
describe('refresh semantics', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    pinAppClock();
    h.emulator.faults.clear();
    h.forge.kvs.clear();
    await h.buildSnapshot();
  });

  const idOf = (key: string) => h.dataset.issues.find((i) => i.key === key)?.id ?? '';
  const summaryInSnapshot = async (key: string) => {
    const manifest = await h.forge.runAsApp(readManifest);
    if (!manifest) return undefined;
    const { issues } = await h.forge.runAsApp(() => readProgramIssues(manifest, ALL));
    return issues.find((i) => i.key === key)?.fields?.summary;
  };

  it('applies a change Jira reports during a full build right after the build', async () => {
    const pay12 = h.emulator.state.issueByKeyOrId('PAY-12');
    if (!pay12) throw new Error('no PAY-12 in the demo');
    let during: Promise<void> | undefined;
    let jobWhenChanged: string | undefined;
    const push = h.exchanges.push.bind(h.exchanges);
    // Once the build has read PAY-12, a user renames it and Jira sends the event, while the build runs.
    h.exchanges.push = (...items: Exchange[]) => {
      const readPay12 = items.some(
        (ex) => ex.path === BULK && JSON.stringify(ex.requestBody).includes(`"${pay12.id}"`),
      );
      if (readPay12 && !during) {
        pay12.fields.summary = 'PAY-12 renamed during the build';
        during = (async () => {
          jobWhenChanged = (await h.forge.runAsApp(readSnapshotJob))?.phase;
          await h.forge.runAsApp(() =>
            onJiraChange({ eventType: 'avi:jira:updated:issue', issue: { id: pay12.id, key: 'PAY-12' } }),
          );
        })();
      }
      return push(...items);
    };
    const run = await runJob(h, { reason: 'requested', mode: 'full' });
    await during;
    h.exchanges.push = push;
    expect(run.status).toBe('done');
    expect(jobWhenChanged).not.toBe('done');
    expect(await summaryInSnapshot('PAY-12')).not.toBe('PAY-12 renamed during the build');
    await h.deliverQueue();
    expect(await summaryInSnapshot('PAY-12')).toBe('PAY-12 renamed during the build');
  });

  it('says why a Refresh within a minute of the last one does not run, and when it can; after that it runs', async () => {
    const soon = dataOf(await h.call('snapshot/requestRefresh', {}, 'cpo'));
    expect(soon.refresh).toMatchObject({ outcome: 'too-soon', retryAt: expect.any(String) });
    expect(soon.refresh?.message).toMatch(/you can refresh again in \d+ s\.$/);
    expect(h.forge.queue).toHaveLength(0);
    pinAppClock(DEMO_NOW_MS + 61_000);
    const later = dataOf(await h.call('snapshot/requestRefresh', {}, 'cpo'));
    expect(later.refresh?.outcome).toBe('queued');
    expect(h.forge.queue).toHaveLength(1);
  });

  it('shows a failed refresh, its reason and the age of the data, on every surface', async () => {
    h.emulator.faults.add({ method: 'POST', path: SEARCH, status: 503, count: 1_000 });
    pinAppClock(DEMO_NOW_MS + 61_000);
    const run = await runJob(h, { reason: 'refresh', mode: 'incremental' }, { policy: { maxAttempts: 1 } });
    expect(run.status).toBe('failed');
    const failure = { at: expect.any(String), message: expect.stringContaining('search/jql') };
    const board = dataOf(await h.call('panel/getBoard', {}, 'po-pay'));
    expect(board.snapshot).toMatchObject({ lastFailure: failure, ageSeconds: expect.any(Number) });
    const issue = dataOf(await h.call('issue/getContext', { issueKey: 'PAY-12' }, 'po-pay'));
    expect(issue.snapshot.lastFailure).toMatchObject(failure);
    const gadget = dataOf(await h.call('gadget/getSteering', { config: {} }, 'po-pay'));
    expect(gadget.snapshot.lastFailure).toMatchObject(failure);
    // The admin page and the impediment subpage read the status.
    const status = dataOf(await h.call('snapshot/getStatus', {}, 'admin'));
    expect(status.snapshot.lastFailure).toMatchObject(failure);
  });

  it('keeps the previous data of an issue an incremental refresh cannot read, and marks the result partial', async () => {
    const before = await summaryInSnapshot('PAY-12');
    h.emulator.state.issueByKeyOrId('PAY-12')!.fields.summary = 'PAY-12 v2';
    await h.forge.runAsApp(() =>
      onJiraChange({ eventType: 'avi:jira:updated:issue', issue: { id: idOf('PAY-12'), key: 'PAY-12' } }),
    );
    h.emulator.faults.add({ method: 'POST', path: BULK, status: 503, count: 1_000 });
    const run = await runJob(h, { reason: 'event', mode: 'incremental' }, { policy: { maxAttempts: 1 } });
    expect(run.status).toBe('done');
    expect(run.manifest?.refreshPartial).toEqual([
      { scope: idOf('PAY-12'), reason: expect.stringContaining('bulkfetch') },
    ]);
    expect(await summaryInSnapshot('PAY-12')).toBe(before);
    // Its note stays, so the next refresh (once Jira answers) reads it.
    expect((await h.forge.runAsApp(readPendingChanges)).map((p) => p.ref)).toEqual([idOf('PAY-12')]);
    const board = dataOf(await h.call('panel/getBoard', {}, 'cpo'));
    expect(board.snapshot.partial).toContainEqual({ scope: idOf('PAY-12'), reason: expect.any(String) });
    h.emulator.faults.clear();
    const retry = await runJob(h, { reason: 'event', mode: 'incremental' });
    expect(retry.manifest?.refreshPartial).toEqual([]);
    expect(await summaryInSnapshot('PAY-12')).toBe('PAY-12 v2');
  });
});
