import { clock } from '../../src/clock';
import { snapshotWorker } from '../../src/index';
import type * as AnalysisStore from '../../src/storage/analysis-store';
import { syncProgram } from '../../src/services/program-sync';
import { SYNC_QUEUE_KEY } from '../../src/services/sync-queue';
import { withProgram } from '../../src/storage/program-scope';
import { acquireLease, readLease, releaseLease } from '../../src/storage/snapshot-job';
import { JiraClient } from '../../src/jira/client';
import { VERSIONED_ENTITY } from '../../src/storage/versioned-entity';
import { dataOf, startHarness, type Harness } from '../resolvers/harness';

/** A job that gets as far as Jira has not been fenced: it would build and write the program's keys. */
const unreachable = new JiraClient({
  send: () => Promise.reject(new Error('a job of a deleted program must not call Jira')),
});

const keysOf = (h: Harness, programId: string) => [
  ...h.forge.kvs.keys().filter((k) => k.includes(programId)),
  ...h.forge.kvs.entityKeys(VERSIONED_ENTITY).filter((k) => k.includes(programId)),
];

const programIds = async (h: Harness) =>
  dataOf(await h.call('program/list', {}, 'cpo')).programs.map((p) => p.id);

describe('deleting a program', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.configureProgram('Checkout program', ['PAY', 'CHK']);
  });
  afterAll(() => h.close());

  it('refuses to delete the only program, naming id, and keeps it', async () => {
    const reply = await h.call('admin/deleteProgram', { id: 'default', confirm: true }, 'admin');
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD', field: 'id' } });
    expect(JSON.stringify(reply)).toContain('the last program cannot be deleted');
    expect(await programIds(h)).toEqual(['default']);
  });

  it('refuses to delete default while others exist: programless gadgets and panels read it', async () => {
    await h.call('admin/createProgram', { name: 'Platform' }, 'admin');
    const reply = await h.call('admin/deleteProgram', { id: 'default', confirm: true }, 'admin');
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD', field: 'id' } });
    expect(JSON.stringify(reply)).toContain('gadgets, panels and reports that name no program');
    expect(await programIds(h)).toEqual(['default', 'platform']);
    const board = await h.call('panel/getBoard', { pageSize: 5 }, 'cpo');
    expect(board).toMatchObject({ ok: true });
  });

  it('refuses while a build holds the lease, and deletes once it is free', async () => {
    const now = clock();
    await h.forge.runAsApp(() => withProgram('platform', () => acquireLease('job-a', now, 60_000)));
    const busy = await h.call('admin/deleteProgram', { id: 'platform', confirm: true }, 'admin');
    expect(busy).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(JSON.stringify(busy)).toContain('nothing was deleted');
    expect(await programIds(h)).toEqual(['default', 'platform']);
    // The build ends, then the delete goes through and gives the lease back.
    await h.forge.runAsApp(() => releaseLease('job-a'));
    const left = await h.call('admin/deleteProgram', { id: 'platform', confirm: true }, 'admin');
    expect(dataOf(left).programs.map((p) => p.id)).toEqual(['default']);
    expect(await h.forge.runAsApp(() => readLease())).toBeUndefined();
  });

  it('lets a job that started before the delete and takes the lease after it write nothing', async () => {
    await h.call('admin/createProgram', { name: 'Mobile' }, 'admin');
    await h.deliverQueue();
    // The worker found the program (queued before the delete); the delete runs before it takes the lease.
    await h.call('admin/deleteProgram', { id: 'mobile', confirm: true }, 'admin');
    expect(keysOf(h, 'mobile')).toEqual([]);
    const outcome = await h.forge.runAsApp(() =>
      withProgram('mobile', () =>
        syncProgram(unreachable, { reason: 'requested', mode: 'full' }, () => clock(), { holder: 'late' }),
      ),
    );
    expect(outcome.status).toBe('dropped');
    expect(keysOf(h, 'mobile')).toEqual([]);
    expect(await h.forge.runAsApp(() => readLease())).toBeUndefined();
  });

  it('lets an analysis that ran during the delete remove the keys it wrote after the delete listed them', async () => {
    await h.call('admin/createProgram', { name: 'Search' }, 'admin');
    await h.deliverQueue();
    const store = jest.requireActual<typeof AnalysisStore>('../../src/storage/analysis-store');
    const readPrevious = store.readAnalysisManifest;
    const betweenReadAndWrite = jest.spyOn(store, 'readAnalysisManifest').mockImplementationOnce(async () => {
      // The analysis has read the snapshot; the admin deletes the program before it writes anything.
      await h.call('admin/deleteProgram', { id: 'search', confirm: true }, 'admin');
      return readPrevious();
    });
    const body = { reason: 'order', mode: 'analysis', programId: 'search' };
    await h.forge.runAsApp(() => snapshotWorker({ body, queueName: SYNC_QUEUE_KEY, jobId: 'late-analysis' }));
    expect(betweenReadAndWrite).toHaveBeenCalled();
    betweenReadAndWrite.mockRestore();
    expect(await programIds(h)).toEqual(['default']);
    expect(keysOf(h, 'search')).toEqual([]);
  });
});

describe('a project in no program', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.configureProgram('Checkout program', ['PAY', 'CHK']);
  });
  afterAll(() => h.close());

  it('is answered with no program (the panel then says so), not an error', async () => {
    const reply = await h.call('program/forProject', { projectKey: 'MOB' }, 'cpo');
    expect(dataOf(reply).programs).toEqual([]);
    const member = await h.call('program/forProject', { projectKey: 'PAY' }, 'cpo');
    expect(dataOf(member).programs.map((p) => p.id)).toEqual(['default']);
  });
});
