import { analyseProgram } from '../../src/domain/analyse-program';
import { resolveFields } from '../../src/domain/config/resolve-fields';
import { FIELDS } from '../../dev/emulator/demo/jira-catalog';
import { NOW } from './program-fixtures';

const ESTIMATE = 'customfield_10016'; // "Story point estimate" in the demo catalog
const LEGACY = 'customfield_10026';
const EPIC_LINK = 'customfield_10014';
const PARENT_LINK = 'customfield_10018';
const FLAGGED = 'customfield_10021';

/** A long-lived company-managed site: both story-point fields, Epic Link, Parent Link, Flagged. */
const CATALOG = [
  ...FIELDS,
  {
    id: LEGACY,
    name: 'Story Points',
    schema: { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float' },
  },
  { id: EPIC_LINK, name: 'Epic', schema: { type: 'any', custom: 'com.pyxis.greenhopper.jira:gh-epic-link' } },
  {
    id: PARENT_LINK,
    name: 'Parent Link',
    schema: { type: 'any', custom: 'com.atlassian.jpo:jpo-custom-field-parent' },
  },
  {
    id: FLAGGED,
    name: 'Flagged',
    schema: { type: 'array', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes' },
  },
];

function issue(key: string, fields: Record<string, unknown> = {}, type = 'Story') {
  return {
    key,
    fields: {
      summary: key,
      project: { key: key.split('-')[0] },
      issuetype: { name: type, hierarchyLevel: type === 'Epic' ? 1 : 0 },
      status: { name: 'To Do', statusCategory: { key: 'new' } },
      ...fields,
    },
  };
}

const board = (id: number, projectKey: string, fieldId: string) => ({
  id,
  location: { type: 'project', projectKeyOrId: projectKey },
  estimation: { type: 'field', field: { fieldId, displayName: 'x' } },
});

const storyPoints = (a: ReturnType<typeof analyseProgram>) =>
  a.fields.filter((f) => f.role === 'storyPoints');

describe('story points resolved from boards and values, not names alone', () => {
  it('reads "Story Points" when every value sits there, though "Story point estimate" exists', () => {
    const issues = [issue('LEG-1', { [LEGACY]: 5 }), issue('LEG-2', { [LEGACY]: 3 })];
    const a = analyseProgram({ issues, fields: CATALOG }, {}, { now: NOW });
    expect(a.readiness.map((r) => r.points)).toEqual([5, 3]);
    expect(a.readiness.flatMap((r) => r.failing)).not.toContain('estimated');
    expect(storyPoints(a)).toEqual([
      {
        role: 'storyPoints',
        id: LEGACY,
        source: 'observed',
        note: 'Story Points (customfield_10026): 2 issue(s) carry a value',
      },
    ]);
  });

  it("takes each project's board estimation field over the name, and warns about a candidate it passes over", () => {
    const issues = [issue('LEG-1', { [LEGACY]: 8, [ESTIMATE]: 1 }), issue('NEW-1', { [ESTIMATE]: 2 })];
    const boards = [board(12, 'LEG', LEGACY), board(13, 'NEW', ESTIMATE)];
    const a = analyseProgram({ issues, fields: CATALOG, boards }, {}, { now: NOW });
    expect(a.readiness.map((r) => [r.key, r.points])).toEqual([
      ['LEG-1', 8],
      ['NEW-1', 2],
    ]);
    const fields = storyPoints(a);
    expect(fields.map((f) => [f.source, f.id, 'project' in f ? f.project : undefined])).toEqual([
      ['board', expect.any(String), undefined],
      ['board', expect.any(String), expect.any(String)],
    ]);
    expect(a.warnings).toContain(
      'storyPoints in LEG: Story point estimate (customfield_10016) carries 1 value(s) but Story Points (customfield_10026) is read (board)',
    );
  });

  it('warns when two candidates carry values and no board says which', () => {
    const issues = [
      issue('A-1', { [LEGACY]: 8 }),
      issue('A-2', { [LEGACY]: 3 }),
      issue('A-3', { [ESTIMATE]: 1 }),
    ];
    const a = analyseProgram({ issues, fields: CATALOG }, {}, { now: NOW });
    expect(storyPoints(a)[0]).toEqual(expect.objectContaining({ id: LEGACY, source: 'observed' }));
    expect(a.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^storyPoints: .* and no board says which to read; read Story Points/),
      ]),
    );
  });

  it('lets the config win, and still says which candidate carries values', () => {
    const issues = [issue('A-1', { [LEGACY]: 8 })];
    const a = analyseProgram(
      { issues, fields: CATALOG },
      { fields: { storyPoints: ESTIMATE } },
      { now: NOW },
    );
    expect(storyPoints(a)).toEqual([expect.objectContaining({ id: ESTIMATE, source: 'configured' })]);
    expect(a.warnings).toContain(
      'storyPoints: Story Points (customfield_10026) carries 1 value(s) but Story point estimate (customfield_10016) is read (configured)',
    );
  });

  it('chooses by name, with a warning, when nothing else tells', () => {
    const r = resolveFields({ catalog: CATALOG, boards: [], observed: new Map(), overrides: {} });
    expect(r.fields[0]).toEqual(expect.objectContaining({ id: ESTIMATE, source: 'name' }));
    expect(r.warnings).toEqual([
      expect.stringContaining('read Story point estimate (customfield_10016) by name'),
    ]);
  });
});

describe('epic membership beyond parent', () => {
  it('reads Epic Link, then Parent Link, recognised by type not name, and records which was used', () => {
    const issues = [
      issue('A-1', {}, 'Epic'),
      issue('A-2', { [EPIC_LINK]: 'A-1' }),
      issue('A-3', { [PARENT_LINK]: { data: { id: 10001, key: 'A-1' } } }),
      issue('A-4', { parent: { key: 'A-1' }, [EPIC_LINK]: 'A-9' }),
    ];
    const a = analyseProgram({ issues, fields: CATALOG }, {}, { now: NOW });
    expect(a.readiness.map((r) => [r.key, r.epicKey])).toEqual([
      ['A-2', 'A-1'],
      ['A-3', 'A-1'],
      ['A-4', 'A-1'],
    ]);
    expect(a.readiness.flatMap((r) => r.failing)).not.toContain('parent-epic');
    expect(a.fields.find((f) => f.role === 'epicLink')).toEqual(
      expect.objectContaining({ id: EPIC_LINK, source: 'type' }),
    );
    expect(a.parentSources).toEqual({ parent: 1, 'epic-link': 1, 'parent-link': 1 });
  });
});
