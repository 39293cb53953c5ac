import { clock } from '../../src/clock';
import { onJiraChange } from '../../src/index';
import { readPendingChanges } from '../../src/storage/pending-changes';
import { readProgramIssues } from '../../src/services/snapshot/snapshot-reader';
import { readManifest } from '../../src/storage/snapshot-store';
import { runJob } from '../gateway/job-runner';
import { startHarness, type Harness } from '../resolvers/harness';

const ALL = new Set(['PAY', 'CHK', 'SRCH', 'MOB', 'PLAT']);

/**
 * What an incremental refresh writes (README "Storage design and quota budget": at most 50 write units
 * for 100 changed issues at 100k, their Jira events included).
 */
describe('the write units of Jira events and their refresh', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  beforeEach(async () => {
    h.forge.kvs.clear();
    await h.buildSnapshot();
  });
  afterAll(() => h.close());

  const issueKeys = () => h.dataset.issues.map((i) => i.key);
  const idOf = (key: string) => h.dataset.issues.find((i) => i.key === key)?.id ?? '';
  const rename = (key: string) => {
    const issue = h.emulator.state.issueByKeyOrId(key);
    if (!issue) throw new Error(`no ${key} in the demo`);
    issue.fields.summary = `${key} renamed`;
    issue.fields.updated = new Date(clock()).toISOString();
  };
  const updated = (key: string) =>
    h.forge.runAsApp(() =>
      onJiraChange({ eventType: 'avi:jira:updated:issue', issue: { id: idOf(key), key } }),
    );

  it('notes only the first of a burst of 40 issue updates, and the refresh still applies all 40', async () => {
    const keys = issueKeys().slice(0, 40);
    keys.forEach(rename);
    const before = h.forge.kvsUsage.writeUnits;
    for (const key of keys) await updated(key);
    // One note and the queued job record: not one write per event.
    expect(h.forge.kvsUsage.writeUnits - before).toBeLessThanOrEqual(2);
    expect((await h.forge.runAsApp(readPendingChanges)).map((p) => p.ref)).toEqual([idOf(keys[0] ?? '')]);
    const run = await runJob(h, { reason: 'event', mode: 'incremental' });
    expect(run.status).toBe('done');
    const { issues } = await h.forge.runAsApp(async () => {
      const manifest = await readManifest();
      if (!manifest) throw new Error('no snapshot');
      return readProgramIssues(manifest, ALL);
    });
    for (const key of keys) expect(issues.find((i) => i.key === key)?.fields?.summary).toBe(`${key} renamed`);
  });

  it('still notes every deletion, and every change while a refresh is already fetching', async () => {
    const [first, second, third] = issueKeys().slice(50, 53);
    await updated(first ?? '');
    await h.forge.runAsApp(() =>
      onJiraChange({ eventType: 'avi:jira:deleted:issue', issue: { id: idOf(second ?? ''), key: second } }),
    );
    const job = h.forge.kvs.peek('snapshot:job:v1');
    h.forge.kvs.handle('/api/v1/set', {
      key: 'snapshot:job:v1',
      value: { ...(typeof job === 'object' ? job : {}), phase: 'fetching' },
    });
    await updated(third ?? '');
    const refs = (await h.forge.runAsApp(readPendingChanges)).map((p) => p.ref).sort();
    expect(refs).toEqual([idOf(first ?? ''), second, idOf(third ?? '')].sort());
  });
});
