import { dataOf, startHarness, type Harness } from './harness';

describe('admin resolvers through Forge dispatch', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.forge.kvs.clear());

  const program = { name: 'Commerce', projectKeys: ['PAY', 'CHK'] };

  it.each(['cpo', 'po-pay', 'outsider'])(
    'refuses %s, who is not a Jira administrator, before reading anything',
    async (user) => {
      for (const reply of [
        await h.call('admin/getSettings', {}, user),
        await h.call('admin/saveSettings', { settings: program }, user),
      ]) {
        expect(reply).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
      }
      expect(h.forge.kvs.keys()).toEqual([]);
    },
  );

  it('saves the program and reads it back', async () => {
    const saved = dataOf(await h.call('admin/saveSettings', { settings: program }, 'admin'));
    expect(saved.settings).toEqual(program);
    const read = dataOf(await h.call('admin/getSettings', {}, 'admin'));
    expect(read.settings).toEqual(program);
    expect(read.availableProjects.map((p) => p.key)).toEqual(
      expect.arrayContaining(['PAY', 'CHK', 'MOB', 'SRCH', 'PLAT']),
    );
  });

  it('names the unknown project and keeps the stored program', async () => {
    await h.call('admin/saveSettings', { settings: program }, 'admin');
    const reply = await h.call(
      'admin/saveSettings',
      { settings: { name: 'X', projectKeys: ['PAY', 'NOPE'] } },
      'admin',
    );
    expect(reply).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'BAD_PAYLOAD', field: 'settings.projectKeys.1' }),
    });
    expect(dataOf(await h.call('admin/getSettings', {}, 'admin')).settings).toEqual(program);
  });

  it.each([
    [{ settings: { name: '', projectKeys: [] } }, 'settings.name'],
    [{ settings: { name: 'A', projectKeys: ['pay'] } }, 'settings.projectKeys.0'],
    [{ settings: { name: 'A', projectKeys: [], extra: 1 } }, 'settings'],
    [{ settings: { name: 'A', projectKeys: ['PAY', 'PAY'] } }, 'settings.projectKeys'],
  ])('refuses %j naming %s', async (payload, field) => {
    const reply = await h.call('admin/saveSettings', payload, 'admin');
    expect(reply).toEqual({ ok: false, error: expect.objectContaining({ code: 'BAD_PAYLOAD', field }) });
  });

  it('tells who is calling and whether they administer Jira', async () => {
    expect(dataOf(await h.call('context/whoami', {}, 'admin'))).toMatchObject({
      accountId: 'admin',
      isAdmin: true,
    });
    expect(dataOf(await h.call('context/whoami', {}, 'cpo'))).toMatchObject({
      accountId: 'cpo',
      isAdmin: false,
    });
  });
});
