import { fieldMapOf } from '../../src/domain/config/field-resolution';
import { resolveFields } from '../../src/domain/config/resolve-fields';
import {
  defaultProgramConfig,
  parseProgramConfig,
  ProgramConfigError,
  type ProgramConfig,
} from '../../src/domain/config/program-config';
import { FIELDS } from '../../dev/emulator/demo/jira-catalog';

function problemsOf(raw: unknown): string[] {
  try {
    parseProgramConfig(raw);
  } catch (err) {
    if (err instanceof ProgramConfigError) return err.problems.map((p) => p.field);
    throw err;
  }
  return [];
}

describe('program config', () => {
  it('fills every default from an empty config (DOMAIN.md defaults)', () => {
    const config = defaultProgramConfig();
    expect(config.teams.by).toBe('project');
    expect(config.readiness.maxPoints).toBe(13);
    expect(config.horizon).toEqual({ minSprints: 2, maxSprints: 4, velocitySprints: 3 });
    expect(config.impediments.levels.map((l) => [l.name, l.slaDays])).toEqual([
      ['Team', 2],
      ['Scrum of Scrums', 3],
      ['Scrum of Scrums of Scrums', 5],
      ['Executive Action Team', null],
    ]);
  });

  it('rejects an invalid config naming every bad field at once', () => {
    const fields = problemsOf({
      teams: { by: 'squad' },
      horizon: { minSprints: -1, maxSprints: 0 },
      readiness: { maxPoints: 0, rules: { estimated: { weight: -2 }, 'has-tests': {} } },
      impediments: { levels: [{ name: 'Team', slaDays: 'two' }] },
      projects: ['pay'],
      colour: 'blue',
    });
    expect(fields.sort()).toEqual(
      [
        'colour',
        'horizon.maxSprints',
        'horizon.minSprints',
        'impediments.levels[0].slaDays',
        'projects[0]',
        'readiness.maxPoints',
        'readiness.rules.estimated.weight',
        'readiness.rules.has-tests',
        'teams.by',
      ].sort(),
    );
  });

  it('says which field is wrong in the error message', () => {
    expect(() => parseProgramConfig({ horizon: { minSprints: 5, maxSprints: 3 } })).toThrow(
      'horizon.minSprints: must not exceed the maximum sprints',
    );
    expect(() => parseProgramConfig({ fields: { storyPoint: 'x' } })).toThrow(
      'fields.storyPoint: unknown field',
    );
  });

  it('discovers custom fields by name, and takes a configured name or id over discovery', () => {
    const resolve = (config: ProgramConfig) =>
      resolveFields({ catalog: FIELDS, boards: [], observed: new Map(), overrides: config.fields });
    const found = fieldMapOf(resolve(defaultProgramConfig()));
    expect(found).toEqual(
      expect.objectContaining({
        storyPoints: 'customfield_10016',
        sprint: 'customfield_10020',
        jobSize: 'customfield_10043',
      }),
    );
    const configured = resolve(
      parseProgramConfig({ fields: { storyPoints: 'Job size', rank: 'customfield_10019' } }),
    );
    expect(fieldMapOf(configured).storyPoints).toBe('customfield_10043');
    expect(configured.fields.find((r) => r.role === 'rank')?.source).toBe('configured');
    const stale = resolve(parseProgramConfig({ fields: { team: 'Squad' } }));
    // A stale override falls back to recognition, and says so.
    expect(stale.fields.find((r) => r.role === 'team')).toEqual(
      expect.objectContaining({
        id: 'customfield_10050',
        source: 'type',
        note: expect.stringContaining('configured field "Squad" is not on the site'),
      }),
    );
    expect(stale.warnings).toEqual([
      expect.stringContaining('team: configured field "Squad" is not on the site'),
    ]);
  });
});
