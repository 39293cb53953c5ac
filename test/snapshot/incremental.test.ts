import { onJiraChange } from '../../src/index';
import {
  clearPendingChanges,
  notePendingChange,
  readPendingChanges,
} from '../../src/storage/pending-changes';
import { readProgramIssues } from '../../src/services/snapshot/snapshot-reader';
import type { SnapshotManifest } from '../../src/storage/snapshot-schema';
import { readManifest } from '../../src/storage/snapshot-store';
import { runJob } from '../gateway/job-runner';
import { dataOf, startHarness, type Harness } from '../resolvers/harness';

const ALL = new Set(['PAY', 'CHK', 'SRCH', 'MOB', 'PLAT']);
const incremental = { reason: 'event', mode: 'incremental' } as const;

describe('incremental refresh', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    h.forge.kvs.clear();
    await h.buildSnapshot();
  });

  const idOf = (key: string) => h.dataset.issues.find((i) => i.key === key)?.id ?? '';
  async function jira(method: string, path: string, body?: unknown): Promise<number> {
    const response = await fetch(`${h.emulator.url}${path}`, {
      method,
      headers: { authorization: 'Bearer app', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return response.status;
  }
  const rename = (key: string) =>
    jira('PUT', `/rest/api/3/issue/${key}`, { fields: { summary: `${key} v2` } });
  const event = (eventType: string, payload: Record<string, unknown>) =>
    h.forge.runAsApp(() => onJiraChange({ eventType, ...payload }));
  const read = async (manifest: SnapshotManifest | undefined) =>
    manifest ? (await h.forge.runAsApp(() => readProgramIssues(manifest, ALL))).issues : [];

  it('re-reads only what changed, in one request, and shares the untouched chunks', async () => {
    const before = await h.forge.runAsApp(readManifest);
    for (const key of ['PAY-10', 'MOB-30', 'PLAT-75']) await rename(key);
    const run = await runJob(h, { reason: 'scheduled', mode: 'incremental' });
    expect(run.manifest?.kind).toBe('incremental');
    expect(run.jiraRequests).toBe(1);
    const issues = await read(run.manifest);
    expect(issues.find((i) => i.key === 'MOB-30')?.fields?.summary).toBe('MOB-30 v2');
    expect(issues).toHaveLength(h.dataset.issues.length);
    const shared = run.manifest?.chunks.filter((c) => before?.chunks.some((b) => b.key === c.key));
    expect(shared?.length).toBe((before?.chunks.length ?? 0) - 3);
  });

  it('reads the issues that events name from Jira directly, at most 3 requests for 10 changes', async () => {
    const keys = [
      'PAY-11',
      'PAY-12',
      'CHK-13',
      'CHK-14',
      'SRCH-15',
      'SRCH-16',
      'MOB-17',
      'MOB-18',
      'PLAT-19',
      'PLAT-20',
    ];
    for (const key of keys) {
      await rename(key);
      await event('avi:jira:updated:issue', { issue: { id: idOf(key), key } });
    }
    const run = await runJob(h, incremental);
    expect(run.jiraRequests).toBeLessThanOrEqual(3);
    const issues = await read(run.manifest);
    for (const key of keys) expect(issues.find((i) => i.key === key)?.fields?.summary).toBe(`${key} v2`);
  });

  it('removes a deleted issue, and the links that pointed at it', async () => {
    const [blocker, blocked] = ['CHK-40', 'PAY-40'];
    await jira('DELETE', `/rest/api/3/issue/${blocker}`);
    await event('avi:jira:deleted:issue', { issue: { id: idOf(blocker), key: blocker } });
    const run = await runJob(h, incremental);
    const issues = await read(run.manifest);
    expect(issues.find((i) => i.key === blocker)).toBeUndefined();
    expect(JSON.stringify(issues.find((i) => i.key === blocked))).not.toContain(blocker);
    expect(run.manifest?.issueCount).toBe(h.dataset.issues.length - 1);
  });

  it('re-reads both ends of a new issue link', async () => {
    const status = await jira('POST', '/rest/api/3/issueLink', {
      type: { name: 'Blocks' },
      inwardIssue: { key: 'SRCH-30' },
      outwardIssue: { key: 'MOB-31' },
    });
    expect(status).toBe(201);
    await event('avi:jira:created:issuelink', {
      issueLink: { id: 1, sourceIssueId: idOf('SRCH-30'), destinationIssueId: idOf('MOB-31') },
    });
    const run = await runJob(h, incremental);
    expect(run.jiraRequests).toBeLessThanOrEqual(2);
    const mob = (await read(run.manifest)).find((i) => i.key === 'MOB-31');
    expect(JSON.stringify(mob?.fields?.issuelinks)).toContain('SRCH-30');
  });

  it('turns into a full rebuild when the program’s projects changed', async () => {
    await h.configureProgram('Two', ['PAY', 'MOB']);
    const run = await runJob(h, incremental);
    expect(run.manifest?.kind).toBe('full');
    expect(run.manifest?.projectKeys).toEqual(['PAY', 'MOB']);
    await h.configureProgram('All', [...ALL]);
  });

  it('shows the snapshot’s age and the job’s progress to any user', async () => {
    const status = dataOf(await h.call('snapshot/getStatus', {}, 'outsider'));
    expect(status.snapshot).toMatchObject({ state: 'ready', ageSeconds: expect.any(Number) });
    expect(status.job).toMatchObject({ kind: 'full', phase: 'done' });
  });
});

describe('changes noted while a refresh runs', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('keeps an event that arrived after the refresh read the notes, for the next refresh', async () => {
    await h.forge.runAsApp(async () => {
      await notePendingChange({ ref: '10001', change: 'upsert', at: '2026-01-05T09:00:00.000Z' });
      const read = await readPendingChanges();
      // The issue changes again while the refresh fetches it.
      await notePendingChange({ ref: '10001', change: 'upsert', at: '2026-01-05T09:00:05.000Z' });
      await clearPendingChanges(read.map((p) => p.storageKey));
      expect((await readPendingChanges()).map((p) => p.at)).toEqual(['2026-01-05T09:00:05.000Z']);
    });
  });
});
