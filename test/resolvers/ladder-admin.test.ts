/**
 * Issue 11 problems 2 and 13 through Forge dispatch: a ladder rename moves no impediment and renames
 * the Escalation level field's option; removing a level that holds open impediments needs a
 * confirmation and moves them; saved versions say what changed and who changed it; errors are sentences.
 */
import { parseProgramConfig } from '../../src/domain/config/program-config';
import { saveProgramConfig } from '../../src/storage/program-config';
import { dataOf, startHarness, type Harness } from './harness';

const PROGRAM = ['PAY', 'CHK', 'SRCH', 'MOB', 'PLAT'];

describe('the escalation ladder in the admin settings', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const fieldOf = (key: string) => h.emulator.state.issueByKeyOrId(key)?.fields.customfield_10060;
  const level = async (key: string) =>
    dataOf(await h.call('impediment/get', { issueKey: key }, 'cpo')).impediment;

  it('renames a level without moving its impediments, and the field option follows', async () => {
    const admin = dataOf(await h.call('admin/getConfig', {}, 'admin'));
    const levels = admin.config.impediments.levels.map((l) =>
      l.name === 'Executive Action Team' ? { ...l, name: 'EAT' } : l,
    );
    const saved = dataOf(
      await h.call(
        'admin/saveConfig',
        {
          config: {
            ...admin.config,
            projects: PROGRAM,
            impediments: { ...admin.config.impediments, levels },
          },
          baseVersion: 0,
        },
        'admin',
      ),
    );
    expect(saved.notices).toContain(
      'Escalation level field: renamed the option "Executive Action Team" → "EAT".',
    );
    expect(fieldOf('CHK-94')).toMatchObject({ value: 'EAT' });
    const chk94 = await level('CHK-94');
    expect(chk94).toMatchObject({ level: 'EAT', resolved: false });
    expect(chk94?.actions.escalate).toBe(false);
    expect(saved.history[0]).toMatchObject({
      version: 1,
      savedBy: { accountId: 'admin' },
      changes: expect.arrayContaining([
        'Escalation ladder: renamed "Executive Action Team" to "EAT"',
        expect.stringContaining('Team projects'),
      ]),
    });
    const backlogs = dataOf(await h.call('impediment/listBacklogs', {}, 'cpo'));
    expect(backlogs.levels.map((l) => l.level)).toEqual([
      'Team',
      'Scrum of Scrums',
      'Scrum of Scrums of Scrums',
      'EAT',
    ]);
  });

  it('refuses to remove a level that holds open impediments until the move is confirmed, then moves them', async () => {
    const admin = dataOf(await h.call('admin/getConfig', {}, 'admin'));
    const levels = admin.config.impediments.levels.filter((l) => l.name !== 'Scrum of Scrums of Scrums');
    const config = { ...admin.config, impediments: { ...admin.config.impediments, levels } };
    const refused = await h.call('admin/saveConfig', { config, baseVersion: 1 }, 'admin');
    if (refused.ok) throw new Error('expected a refusal');
    expect(refused.error.field).toBe('config.impediments.levels');
    expect(refused.error.message).toMatch(
      /^Escalation ladder: removing "Scrum of Scrums of Scrums" moves its open impediments (PAY-94, PLAT-93|PLAT-93, PAY-94) to "Scrum of Scrums"/,
    );
    expect(dataOf(await h.call('admin/getConfig', {}, 'admin')).version?.version).toBe(1);
    const saved = dataOf(
      await h.call('admin/saveConfig', { config, baseVersion: 1, confirmLevelRemoval: true }, 'admin'),
    );
    expect(saved.notices).toEqual(
      expect.arrayContaining([
        'PAY-94: moved from "Scrum of Scrums of Scrums" to "Scrum of Scrums".',
        'PLAT-93: moved from "Scrum of Scrums of Scrums" to "Scrum of Scrums".',
      ]),
    );
    expect(await level('PAY-94')).toMatchObject({ level: 'Scrum of Scrums' });
    expect(fieldOf('PAY-94')).toMatchObject({ value: 'Scrum of Scrums' });
    expect(saved.history[0]?.changes).toContain('Escalation ladder: removed "Scrum of Scrums of Scrums"');
  });

  it('restores a version as a save: the field option follows the restored name, and an owner deleted since is refused', async () => {
    const admin = dataOf(await h.call('admin/getConfig', {}, 'admin'));
    const base = admin.version?.version ?? 0;
    const levels = admin.config.impediments.levels.map((l) =>
      l.name === 'EAT' ? { ...l, name: 'Exec' } : l,
    );
    const config = { ...admin.config, impediments: { ...admin.config.impediments, levels } };
    dataOf(await h.call('admin/saveConfig', { config, baseVersion: base }, 'admin'));
    expect(fieldOf('CHK-94')).toMatchObject({ value: 'Exec' });
    // Version 2 still calls the level "EAT": restoring it must rename the option back, as a save would.
    const restored = dataOf(
      await h.call('admin/restoreConfigVersion', { version: 2, baseVersion: base + 1 }, 'admin'),
    );
    expect(restored.history[0]).toMatchObject({ version: base + 2, note: 'restored version 2' });
    expect(restored.notices).toContain('Escalation level field: renamed the option "Exec" → "EAT".');
    expect(fieldOf('CHK-94')).toMatchObject({ value: 'EAT' });
    expect(await level('CHK-94')).toMatchObject({ level: 'EAT' });

    // A version whose owner Jira no longer knows (stored before the owner was deleted) is not restored.
    const ghostLevels = restored.config.impediments.levels.map((l, i) =>
      i === 1 ? { ...l, owner: 'deleted-user', ownerKind: 'user' as const } : l,
    );
    await h.forge.runAsApp(() =>
      saveProgramConfig(
        parseProgramConfig({
          ...restored.config,
          impediments: { ...restored.config.impediments, levels: ghostLevels },
        }),
        null,
        Date.parse('2026-11-20T09:00:00Z'),
        base + 2,
      ),
    );
    const refused = await h.call(
      'admin/restoreConfigVersion',
      { version: base + 3, baseVersion: base + 3 },
      'admin',
    );
    if (refused.ok) throw new Error('expected a refusal');
    expect(refused.error.field).toBe('config.impediments.levels[1].owner');
    expect(dataOf(await h.call('admin/getConfig', {}, 'admin')).version?.version).toBe(base + 3);
  });

  it('answers an unknown project key and a bad horizon with sentences naming the field', async () => {
    const admin = dataOf(await h.call('admin/getConfig', {}, 'admin'));
    const reply = await h.call(
      'admin/saveConfig',
      {
        config: { ...admin.config, projects: ['PAYX'], horizon: { ...admin.config.horizon, minSprints: 9 } },
        baseVersion: 2,
      },
      'admin',
    );
    if (reply.ok) throw new Error('expected a refusal');
    expect(reply.error.problems?.map((p) => p.message)).toEqual([
      'Horizon: minimum sprints must not exceed the maximum sprints',
    ]);
    const unknown = await h.call(
      'admin/saveConfig',
      { config: { ...admin.config, projects: ['PAYX'] }, baseVersion: 2 },
      'admin',
    );
    if (unknown.ok) throw new Error('expected a refusal');
    expect(unknown.error.problems).toEqual([
      {
        field: 'config.projects[0]',
        message:
          'Team projects: PAYX is not a project you can browse in this Jira (mistyped, deleted or archived?)',
      },
    ]);
  });
});
