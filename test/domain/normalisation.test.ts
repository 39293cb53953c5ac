import { analyseProgram, ProgramAnalyser } from '../../src/domain/analyse-program';
import { hasHeading, hasText } from '../../src/domain/normalise/adf-text';
import { readSprint } from '../../src/domain/normalise/sprint-field';
import { FIELDS } from '../../dev/emulator/demo/jira-catalog';
import { NOW, program } from './program-fixtures';

const model = (issues: unknown[], config = {}) =>
  new ProgramAnalyser(config, { fields: FIELDS }).addIssues(issues).model(Date.parse(NOW));

describe('lenient normalisation', () => {
  it('takes the project from the key, treats unknown status as open and skips keyless issues', () => {
    const m = model([{ key: 'OPS-7', fields: { summary: 'No project' } }, { fields: {} }, 42, null]);
    expect(m.items).toHaveLength(1);
    expect(m.items[0]).toEqual(
      expect.objectContaining({ key: 'OPS-7', projectKey: 'OPS', team: 'OPS', done: false }),
    );
    expect(m.warnings).toEqual(['3 issue(s) without a key were skipped']);
  });

  it('reads numbers sent as strings and ignores values of the wrong type', () => {
    const m = model([
      { key: 'A-1', fields: { customfield_10016: '5' } },
      { key: 'A-2', fields: { customfield_10016: { value: 3 }, customfield_10020: 'garbage' } },
    ]);
    expect(m.items.map((i) => [i.points, i.sprintIds])).toEqual([
      [5, []],
      [undefined, []],
    ]);
  });

  it('reads legacy sprint strings', () => {
    expect(
      readSprint(
        'com.atlassian.greenhopper.service.sprint.Sprint@1f[id=12,rapidViewId=3,state=ACTIVE,name=Sprint 12,startDate=2026-11-01T09:00:00.000Z,endDate=2026-11-15T09:00:00.000Z,completeDate=<null>,sequence=12]',
      ),
    ).toEqual(
      expect.objectContaining({
        id: 12,
        state: 'active',
        boardId: 3,
        name: 'Sprint 12',
        completeMs: undefined,
      }),
    );
  });

  it('finds acceptance criteria in an ADF heading, a "criteria:" paragraph or a wiki heading', () => {
    const heading = {
      type: 'doc',
      content: [{ type: 'heading', content: [{ type: 'text', text: 'Acceptance criteria' }] }],
    };
    const paragraph = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Acceptance criteria: works' }] }],
    };
    expect(hasHeading(heading, 'Acceptance criteria')).toBe(true);
    expect(hasHeading(paragraph, 'Acceptance criteria')).toBe(true);
    expect(hasHeading('Intro\nh3. Acceptance Criteria\n* works', 'Acceptance criteria')).toBe(true);
    expect(hasHeading('Just text', 'Acceptance criteria')).toBe(false);
    expect(hasText({ type: 'doc', content: [{ type: 'paragraph', content: [] }] })).toBe(false);
  });

  it('maps teams by a team field when configured, and fails "maps to a team" without one', () => {
    const a = analyseProgram(
      {
        issues: [
          {
            key: 'SHR-1',
            fields: { customfield_10050: { id: 't1', name: 'Falcons' }, customfield_10016: 1 },
          },
          { key: 'SHR-2', fields: { customfield_10016: 1 } },
        ],
        fields: FIELDS,
      },
      { teams: { by: 'field' } },
      { now: NOW },
    );
    expect(a.program.teams).toEqual(['Falcons']);
    expect(a.readiness.find((r) => r.key === 'SHR-2')?.failing).toContain('team');
  });

  it('attributes a sub-task link to its parent story and keeps linked issues outside the input', () => {
    const input = program(
      [{ key: 'A-1' }, { key: 'A-2', type: 'Sub-task', parent: 'A-1' }, { key: 'B-1' }],
      [['A-2', 'B-1']],
    );
    const outside = {
      key: 'Z-9',
      fields: {
        issuelinks: [
          {
            id: 'x',
            type: { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
            inwardIssue: {
              key: 'EXT-1',
              fields: { status: { name: 'Open', statusCategory: { key: 'new' } } },
            },
          },
        ],
      },
    };
    const a = analyseProgram({ ...input, issues: [...input.issues, outside] }, {}, { now: NOW });
    expect(a.dependencies.map((d) => [d.from, d.to])).toEqual([
      ['A-1', 'B-1'],
      ['EXT-1', 'Z-9'],
    ]);
  });

  it('uses only the configured dependency link types', () => {
    const input = program([{ key: 'A-1' }, { key: 'A-2' }], [['A-1', 'A-2']]);
    expect(
      analyseProgram(input, { dependencies: { linkTypes: ['Depends'] } }, { now: NOW }).dependencies,
    ).toEqual([]);
    const depends = analyseProgram(
      input,
      { dependencies: { linkTypes: [{ name: 'Blocks', prerequisite: 'target' }] } },
      { now: NOW },
    );
    expect(depends.dependencies.map((d) => [d.from, d.to])).toEqual([['A-2', 'A-1']]);
  });
});
