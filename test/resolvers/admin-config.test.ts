import { kvs } from '@forge/kvs';
import { dataOf, startHarness, type Harness } from './harness';

describe('admin config keys through Forge dispatch', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.forge.kvs.clear());

  it('starts from the documented defaults, with the site’s projects and link types', async () => {
    const admin = dataOf(await h.call('admin/getConfig', {}, 'admin'));
    expect(admin.config.horizon).toEqual({ minSprints: 2, maxSprints: 4, velocitySprints: 3 });
    expect(admin.config.impediments.levels).toHaveLength(4);
    expect(admin.version).toBeNull();
    expect(admin.availableProjects.map((p) => p.key)).toContain('PAY');
    expect(admin.linkTypes).toContainEqual({
      name: 'Blocks',
      dependency: 'prerequisite is the source',
      reason: expect.stringContaining('outward "blocks" and inward "is blocked by"'),
    });
  });

  it('names every invalid field and stores nothing', async () => {
    const { config } = dataOf(await h.call('admin/getConfig', {}, 'admin'));
    const bad = {
      ...config,
      projects: ['NOPE'],
      horizon: { ...config.horizon, minSprints: 9 },
      readiness: { ...config.readiness, rules: { estimated: { enabled: true, weight: -1, required: true } } },
    };
    const reply = await h.call('admin/saveConfig', { config: bad }, 'admin');
    if (reply.ok) throw new Error('expected a refusal');
    expect(reply.error.code).toBe('BAD_PAYLOAD');
    expect(reply.error.problems?.map((p) => p.field).sort()).toEqual(
      ['config.horizon.minSprints', 'config.readiness.rules.estimated.weight'].sort(),
    );
    const unknownProject = await h.call(
      'admin/saveConfig',
      { config: { ...config, projects: ['NOPE'] } },
      'admin',
    );
    expect(unknownProject).toEqual({
      ok: false,
      error: expect.objectContaining({ field: 'config.projects[0]' }),
    });
    expect(dataOf(await h.call('admin/getConfig', {}, 'admin')).version).toBeNull();
  });

  it('keeps every saved version, who saved it, and restores one as a new version', async () => {
    const { config } = dataOf(await h.call('admin/getConfig', {}, 'admin'));
    dataOf(await h.call('admin/saveConfig', { config: { ...config, name: 'First' } }, 'admin'));
    const second = dataOf(
      await h.call('admin/saveConfig', { config: { ...config, name: 'Second', projects: ['PAY'] } }, 'admin'),
    );
    expect(second.version).toMatchObject({ version: 2, note: 'saved', savedBy: { accountId: 'admin' } });
    const restored = dataOf(await h.call('admin/restoreConfigVersion', { version: 1 }, 'admin'));
    expect(restored.config.name).toBe('First');
    expect(restored.history.map((v) => [v.version, v.note])).toEqual([
      [3, 'restored version 1'],
      [2, 'saved'],
      [1, 'saved'],
    ]);
    expect(await h.call('admin/restoreConfigVersion', { version: 99 }, 'admin')).toEqual({
      ok: false,
      error: expect.objectContaining({ field: 'version' }),
    });
  });

  it('reads what older versions stored (name, projects, field ids) as version 0', async () => {
    await h.forge.runAsApp(() =>
      kvs.set('settings:program:v1', {
        name: 'Legacy',
        projectKeys: ['PAY', 'CHK'],
        fieldOverrides: { storyPoints: 'customfield_10016' },
      }),
    );
    const admin = dataOf(await h.call('admin/getConfig', {}, 'admin'));
    expect(admin.config).toMatchObject({
      name: 'Legacy',
      projects: ['PAY', 'CHK'],
      fields: { storyPoints: 'customfield_10016' },
    });
    expect(admin.version).toMatchObject({ version: 0, note: 'migrated' });
  });

  it.each(['cpo', 'po-pay', 'outsider'])(
    'refuses %s, who is not a Jira administrator, before reading or storing anything',
    async (user) => {
      for (const key of ['admin/getConfig', 'admin/saveConfig', 'admin/restoreConfigVersion'] as const) {
        const payload =
          key === 'admin/saveConfig'
            ? { config: { name: 'Commerce', projects: ['PAY', 'CHK'] } }
            : key === 'admin/restoreConfigVersion'
              ? { version: 1 }
              : {};
        expect(await h.call(key, payload, user)).toEqual({
          ok: false,
          error: expect.objectContaining({ code: 'FORBIDDEN' }),
        });
      }
      expect(h.forge.kvs.keys()).toEqual([]);
    },
  );

  it.each([
    [{ name: '' }, 'config.name'],
    [{ projects: ['pay'] }, 'config.projects[0]'],
    [{ projects: ['PAY', 'PAY'] }, 'config.projects[1]'],
  ])('refuses the config change %j naming %s, and stores nothing', async (change, field) => {
    const { config } = dataOf(await h.call('admin/getConfig', {}, 'admin'));
    const reply = await h.call('admin/saveConfig', { config: { ...config, ...change } }, 'admin');
    expect(reply).toEqual({ ok: false, error: expect.objectContaining({ code: 'BAD_PAYLOAD', field }) });
    expect(dataOf(await h.call('admin/getConfig', {}, 'admin')).version).toBeNull();
  });

  it('names the payload field that is not a config', async () => {
    expect(await h.call('admin/saveConfig', { config: 'everything' }, 'admin')).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'BAD_PAYLOAD', field: 'config' }),
    });
  });
});
