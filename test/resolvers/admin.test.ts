import { dataOf, startHarness, type Harness } from './harness';

/** admin/getSettings: the installation facts of the admin page (the program itself: admin-config.test.ts). */
describe('admin/getSettings through Forge dispatch', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.forge.kvs.clear());

  it.each(['cpo', 'po-pay', 'outsider'])(
    'refuses %s, who is not a Jira administrator, before reading anything',
    async (user) => {
      expect(await h.call('admin/getSettings', {}, user)).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'FORBIDDEN' }),
      });
      expect(h.forge.kvs.keys()).toEqual([]);
    },
  );

  it('answers only the installation facts the admin page shows', async () => {
    expect(dataOf(await h.call('admin/getSettings', {}, 'admin'))).toEqual({
      lifecycle: { installedAt: null, lastUpgradeAt: null },
      lastSync: null,
    });
  });

  it('refuses a payload with keys the contract does not define', async () => {
    expect(await h.call('admin/getSettings', { project: 'PAY' }, 'admin')).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'BAD_PAYLOAD' }),
    });
  });
});
