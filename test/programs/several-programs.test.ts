import { onJiraChange } from '../../src/index';
import { VERSIONED_ENTITY } from '../../src/storage/versioned-entity';
import { dataOf, startHarness, type Harness } from '../resolvers/harness';
import { SYNC_QUEUE_KEY } from '../../src/services/sync-queue';
import { snapshotWorker } from '../../src/index';

/** Builds `programId`'s snapshot as the consumer would for an event naming it. */
async function buildProgram(h: Harness, programId: string): Promise<void> {
  const body = { reason: 'requested', mode: 'full', programId };
  await h.forge.runAsApp(() =>
    snapshotWorker({ body, queueName: SYNC_QUEUE_KEY, jobId: `build-${programId}` }),
  );
  await h.deliverQueue();
}

const boardKeys = async (h: Harness, programId: string) =>
  dataOf(await h.call('panel/getBoard', { programId, pageSize: 100 }, 'cpo')).rows.map((r) => r.key);

describe('several programs per site', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    // An installation as main left it: one program, configured and built under the original keys.
    await h.configureProgram('Checkout program', ['PAY', 'CHK', 'SRCH', 'MOB', 'PLAT']);
    await h.buildSnapshot();
    await h.deliverQueue();
  });
  afterAll(() => h.close());

  it('shows an existing installation as the program default, read from the keys it always had', async () => {
    const { programs } = dataOf(await h.call('program/list', {}, 'cpo'));
    expect(programs).toEqual([
      { id: 'default', name: 'Checkout program', projects: ['PAY', 'CHK', 'SRCH', 'MOB', 'PLAT'] },
    ]);
    expect(h.forge.kvs.keys()).toContain('snapshot:pointer:v1');
    expect(h.forge.kvs.keys().filter((k) => k.startsWith('p:'))).toEqual([]);
    expect(await boardKeys(h, 'default')).toEqual(
      dataOf(await h.call('panel/getBoard', { pageSize: 100 }, 'cpo')).rows.map((r) => r.key),
    );
    expect(await boardKeys(h, 'default')).not.toHaveLength(0);
  });

  it('refuses a payload naming a program the site does not hold, naming programId', async () => {
    for (const programId of ['ghost', 'Not An Id!']) {
      const reply = await h.call('panel/getBoard', { programId }, 'cpo');
      expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD', field: 'programId' } });
    }
  });

  it('lets only Jira administrators create programs', async () => {
    const reply = await h.call('admin/createProgram', { name: 'Nope' }, 'cpo');
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('keeps a second program sharing PLAT apart: its keys carry its id, its order is its own', async () => {
    const before = new Set(h.forge.kvs.keys());
    const badges = () =>
      h.forge.kvs
        .keys()
        .filter((k) => k.startsWith('badge:written:v1:'))
        .map((k) => [k, h.forge.kvs.peek(k)]);
    const badgesBefore = badges();
    expect(badgesBefore.length).toBeGreaterThan(0);
    const created = dataOf(await h.call('admin/createProgram', { name: 'Platform program' }, 'admin'));
    expect(created.programs.map((p) => p.id)).toEqual(['default', 'platform-program']);
    const { config, version } = dataOf(
      await h.call('admin/getConfig', { programId: 'platform-program' }, 'admin'),
    );
    expect(config.name).toBe('Platform program');
    dataOf(
      await h.call(
        'admin/saveConfig',
        {
          programId: 'platform-program',
          config: { ...config, projects: ['PLAT', 'MOB'] },
          baseVersion: version?.version ?? 0,
        },
        'admin',
      ),
    );
    await buildProgram(h, 'platform-program');
    // The Checkout program owns the shared projects' status badges: the Platform program leaves them.
    expect(badges()).toEqual(badgesBefore);
    const added = h.forge.kvs.keys().filter((k) => !before.has(k));
    expect(added.length).toBeGreaterThan(3);
    for (const key of added)
      expect(key.startsWith('p:v1:platform-program:') || key.includes('platform-program')).toBe(true);
    expect(h.forge.kvs.entityKeys(VERSIONED_ENTITY)).toEqual(
      expect.arrayContaining([
        'p:v1:platform-program:program-config',
        'p:v1:platform-program:analysis-pointer',
      ]),
    );

    const checkoutBefore = await boardKeys(h, 'default');
    const analysisBefore = h.forge.kvs.peekEntity(VERSIONED_ENTITY, 'analysis-pointer');
    const platform = await boardKeys(h, 'platform-program');
    expect(platform.every((k) => k.startsWith('PLAT-') || k.startsWith('MOB-'))).toBe(true);
    const last = platform[platform.length - 1] ?? '';
    dataOf(
      await h.call(
        'panel/moveEpic',
        { programId: 'platform-program', key: last, to: 'top', baseVersion: 0 },
        'cpo',
      ),
    );
    await h.deliverQueue();
    expect((await boardKeys(h, 'platform-program'))[0]).toBe(last);
    expect(await boardKeys(h, 'default')).toEqual(checkoutBefore);
    expect(h.forge.kvs.peekEntity(VERSIONED_ENTITY, 'analysis-pointer')).toEqual(analysisBefore);
    const order = dataOf(await h.call('panel/getBoard', { programId: 'default' }, 'cpo')).order;
    expect(order.version).toBe(0);
  });

  it('sends a Jira change to every program whose teams include its project', async () => {
    const pendingOf = () => h.forge.kvs.keys().filter((k) => k.includes('sync:pending:v1:'));
    const plat = h.dataset.issues.find((i) => i.key.startsWith('PLAT-'));
    const pay = h.dataset.issues.find((i) => i.key.startsWith('PAY-'));
    await h.forge.runAsApp(() =>
      onJiraChange({ eventType: 'avi:jira:updated:issue', issue: { id: plat?.id, key: plat?.key } }),
    );
    expect(
      pendingOf()
        .map((k) => k.startsWith('p:v1:platform-program:'))
        .sort(),
    ).toEqual([false, true]);
    await h.forge.runAsApp(() =>
      onJiraChange({ eventType: 'avi:jira:updated:issue', issue: { id: pay?.id, key: pay?.key } }),
    );
    expect(
      pendingOf()
        .filter((k) => k.includes(`:${pay?.id}:`))
        .every((k) => k.startsWith('sync:')),
    ).toBe(true);
    // Both programs refresh from the change in the shared team, each its own snapshot.
    await h.deliverQueue();
    for (const programId of ['default', 'platform-program']) {
      const status = dataOf(await h.call('snapshot/getStatus', { programId }, 'cpo'));
      const job = { programId, kind: status.job?.kind, reason: status.job?.reason, phase: status.job?.phase };
      expect(job).toEqual({ programId, kind: 'incremental', reason: 'event', phase: 'done' });
    }
    expect(pendingOf()).toEqual([]);
  });

  it('names a program only to those who may browse its project', async () => {
    const hidden = await h.call('program/forProject', { projectKey: 'PLAT' }, 'po-pay');
    expect(hidden).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const seen = dataOf(await h.call('program/forProject', { projectKey: 'PLAT' }, 'cpo'));
    expect(seen.programs.map((p) => p.name)).toEqual(['Checkout program', 'Platform program']);
    const listed = dataOf(await h.call('program/list', {}, 'po-pay'));
    expect(listed.programs.find((p) => p.id === 'platform-program')?.projects).toEqual([]);
  });

  it('gives the Scrum of Scrums of Scrums one row per program the user sees a team of', async () => {
    const checkout = dataOf(await h.call('sos/getBoard', {}, 'cpo'));
    expect(checkout.programs.map((p) => p.program)).toEqual(['Checkout program', 'Platform program']);
    const platform = dataOf(await h.call('sos/getBoard', { programId: 'platform-program' }, 'cpo'));
    expect(platform.programs.map((p) => p.program)).toEqual(['Platform program', 'Checkout program']);
    // The same numbers whichever board shows the row; only its own board offers to escalate.
    const counts = ({ escalated, ...rest }: (typeof checkout.programs)[number]) => ({
      ...rest,
      escalated: escalated.map((i) => i.key),
    });
    expect(counts(checkout.programs[1]!)).toEqual(counts(platform.programs[0]!));
    expect(counts(platform.programs[1]!)).toEqual(counts(checkout.programs[0]!));
    expect(checkout.programs[1]?.escalated.every((i) => !i.escalate.allowed)).toBe(true);
    expect(platform.programs[0]?.teams).toBe(platform.teams.length);
    // Pat browses neither PLAT nor MOB: the platform program is not named to Pat.
    const pat = dataOf(await h.call('sos/getBoard', {}, 'po-pay'));
    expect(pat.programs.map((p) => p.program)).toEqual(['Checkout program']);
  });

  it('renames a program and deletes one with every key it stored', async () => {
    const renamed = dataOf(
      await h.call('admin/renameProgram', { id: 'platform-program', name: 'Platform' }, 'admin'),
    );
    expect(renamed.programs.find((p) => p.id === 'platform-program')?.name).toBe('Platform');
    const unconfirmed = await h.call('admin/deleteProgram', { id: 'platform-program' }, 'admin');
    expect(unconfirmed).toMatchObject({ ok: false, error: { field: 'confirm' } });
    const left = dataOf(
      await h.call('admin/deleteProgram', { id: 'platform-program', confirm: true }, 'admin'),
    );
    expect(left.programs.map((p) => p.id)).toEqual(['default']);
    expect(h.forge.kvs.keys().filter((k) => k.includes('platform-program'))).toEqual([]);
    expect(h.forge.kvs.entityKeys(VERSIONED_ENTITY).filter((k) => k.includes('platform-program'))).toEqual(
      [],
    );
    expect(await boardKeys(h, 'default')).not.toHaveLength(0);
    const gone = await h.call('panel/getBoard', { programId: 'platform-program' }, 'cpo');
    expect(gone).toMatchObject({ ok: false, error: { field: 'programId' } });
  });

  it('copies a program’s config and teams, never its data', async () => {
    const { programs } = dataOf(
      await h.call('admin/createProgram', { name: 'Copy', copyFrom: 'default' }, 'admin'),
    );
    expect(programs.find((p) => p.id === 'copy')).toEqual({
      id: 'copy',
      name: 'Copy',
      projects: ['PAY', 'CHK', 'SRCH', 'MOB', 'PLAT'],
    });
    const original = dataOf(await h.call('admin/getConfig', { programId: 'default' }, 'admin')).config;
    const copied = dataOf(await h.call('admin/getConfig', { programId: 'copy' }, 'admin')).config;
    expect(copied).toEqual({ ...original, name: 'Copy' });
    // Its config and its queued first build, no snapshot or analysis of the program it copied.
    const stored = h.forge.kvs.keys().filter((k) => k.startsWith('p:v1:copy:'));
    expect(stored.filter((k) => /snapshot:(pointer|data)|analysis:/.test(k))).toEqual([]);
    expect(stored).toContain('p:v1:copy:settings:program-config:v2:history:00000001');
    const unknown = await h.call('admin/createProgram', { name: 'Other', copyFrom: 'ghost' }, 'admin');
    expect(unknown).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD', field: 'copyFrom' } });
    const taken = await h.call('admin/createProgram', { name: 'copy' }, 'admin');
    expect(taken).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD', field: 'name' } });
  });
});
