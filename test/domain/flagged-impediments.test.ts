import { analyseProgram } from '../../src/domain/analyse-program';
import { reportJson } from '../../dev/report/report-json';
import { FIELDS } from '../../dev/emulator/demo/jira-catalog';
import { NOW, program } from './program-fixtures';

const FLAGGED = 'customfield_10021';
const CATALOG = [
  ...FIELDS,
  {
    id: FLAGGED,
    name: 'Flagged',
    schema: { type: 'array', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes' },
  },
];

/** A-1 flagged "Impediment", A-2 not, A-3 flagged but done; I-1 an Impediment issue. */
function flaggedProgram() {
  const input = program([
    { key: 'A-1', points: 3 },
    { key: 'A-2', points: 3 },
    { key: 'A-3', points: 3, status: 'done' },
    { key: 'I-1', type: 'Impediment' },
  ]);
  const flag = [{ self: 'https://x/rest/api/3/customFieldOption/10019', value: 'Impediment', id: '10019' }];
  for (const issue of input.issues as Array<{ key: string; fields: Record<string, unknown> }>) {
    if (issue.key === 'A-1' || issue.key === 'A-3') issue.fields[FLAGGED] = flag;
  }
  return { ...input, fields: CATALOG };
}

describe('flagged items are team-level impediments', () => {
  const a = analyseProgram(flaggedProgram(), {}, { now: NOW });

  it('fails "not blocked by an open impediment" for an open flagged item only', () => {
    const rule = (key: string) =>
      a.readiness.find((r) => r.key === key)?.rules.find((r) => r.id === 'no-open-impediment');
    expect(rule('A-1')).toEqual(
      expect.objectContaining({ pass: false, reason: 'blocked by open impediment A-1 (flagged)' }),
    );
    expect(rule('A-2')?.pass).toBe(true);
  });

  it('counts in the impediment metrics at the first level, marked by its source', () => {
    expect(a.impediments.open.map((o) => [o.key, o.source, o.level])).toEqual([
      ['I-1', 'issue-type', 'Team'],
      ['A-1', 'flag', 'Team'],
    ]);
    // I-1 has been open since October: past its SLA; a flag's age is unknown, so it never is.
    expect(a.impediments.perLevel[0]).toEqual({ level: 'Team', open: 2, breached: 1 });
    expect(a.cadence.factors[0]?.detail).toContain('2 open impediments');
    const report = reportJson(a);
    expect(report.impediments.open.map((o) => o.source)).toEqual(['issue-type', 'flag']);
  });
});
