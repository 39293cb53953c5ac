import { EmulatorState } from '../../dev/emulator';
import type { Caller } from '../../dev/emulator/access/caller';
import { JiraError } from '../../dev/emulator/http/jira-error';
import { runJql } from '../../dev/emulator/jql/jql-evaluator';
import { parseJql } from '../../dev/emulator/jql/jql-parser';
import { demoDataset } from './emulator-harness';

const state = new EmulatorState(demoDataset(), () => new Date('2026-11-20T09:00:00Z'));
const app: Caller = { kind: 'app' };
const user = (accountId: string): Caller => {
  const found = state.users.find((u) => u.accountId === accountId);
  if (!found) throw new Error(accountId);
  return { kind: 'user', user: found };
};
const keys = (jql: string, caller: Caller = app) =>
  runJql(jql, state, caller).map((id) => state.issues.get(id)?.key ?? '?');

function jqlError(jql: string, caller: Caller = app): JiraError {
  try {
    runJql(jql, state, caller);
  } catch (err) {
    if (err instanceof JiraError) return err;
    throw err;
  }
  throw new Error(`expected a 400 for ${jql}`);
}

describe('JQL subset', () => {
  it('parses clauses joined by AND and a multi-key ORDER BY', () => {
    expect(
      parseJql('project = PAY AND issuetype in (Epic, "Story") ORDER BY Rank ASC, updated DESC'),
    ).toEqual({
      clauses: [
        { kind: 'list', field: 'project', negated: false, values: ['PAY'] },
        { kind: 'list', field: 'issuetype', negated: false, values: ['Epic', 'Story'] },
      ],
      orderBy: [
        { field: 'rank', descending: false },
        { field: 'updated', descending: true },
      ],
    });
  });

  it('filters by project = and project in, by key or id', () => {
    expect(keys('project = PAY').every((k) => k.startsWith('PAY-'))).toBe(true);
    const two = keys('project in (PAY, "CHK")');
    expect(new Set(two.map((k) => k.split('-')[0]))).toEqual(new Set(['PAY', 'CHK']));
    expect(keys('project = 10001')).toHaveLength(keys('project = PAY').length);
  });

  it('filters by issue type name, quoted or not, case-insensitively', () => {
    expect(keys('issuetype = Epic')).toHaveLength(40);
    expect(keys('project = PAY AND issuetype in ("Sub-task", impediment)')).toEqual(
      expect.arrayContaining(['PAY-89', 'PAY-93']),
    );
  });

  it('filters by parent and key, with = and in', () => {
    expect(keys('parent = PAY-1 ORDER BY key').slice(0, 2)).toEqual(['PAY-9', 'PAY-17']);
    expect(keys('parent in (PAY-39)')).toEqual(['PAY-89', 'PAY-90']);
    expect(keys('key in (PAY-1, CHK-2) ORDER BY key ASC')).toEqual(['CHK-2', 'PAY-1']);
    expect(keys('key = PAY-3')).toEqual(['PAY-3']);
  });

  it('filters by status category names, keys and negation', () => {
    const done = keys('project = PAY AND statusCategory = Done');
    expect(keys('project = PAY AND statusCategory = done')).toEqual(done);
    const notDone = keys('project = PAY AND statusCategory != Done');
    expect(done.length + notDone.length).toBe(keys('project = PAY').length);
    expect(keys('project = PAY AND statusCategory in ("To Do", indeterminate)')).toHaveLength(notDone.length);
  });

  it('filters by absolute and relative updated dates', () => {
    const recent = keys('project = PAY AND updated >= "2026-11-18 09:00"');
    expect(recent.length).toBeGreaterThan(0);
    expect(keys('project = PAY AND updated >= -2d')).toEqual(recent);
    expect(keys('project = PAY AND updated >= "2027-01-01"')).toEqual([]);
  });

  it('orders by Rank, key, created and updated in both directions', () => {
    const byRank = runJql('project = PAY ORDER BY Rank', state, app).map((id) =>
      String(state.issues.get(id)?.fields.customfield_10019),
    );
    expect([...byRank].sort()).toEqual(byRank);
    expect(keys('project = PAY ORDER BY key DESC')[0]).toBe('PAY-94');
    const created = keys('project = PAY ORDER BY created ASC');
    expect(keys('project = PAY ORDER BY created DESC')).toHaveLength(created.length);
  });

  it('rejects unbounded queries like Jira', () => {
    for (const jql of ['', '   ', 'ORDER BY Rank']) {
      const err = jqlError(jql);
      expect(err.status).toBe(400);
      expect(err.errorMessages).toEqual([
        'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
      ]);
    }
  });

  it('rejects unsupported syntax naming the token instead of guessing', () => {
    expect(jqlError('project = PAY OR project = CHK').errorMessages[0]).toContain("'OR'");
    expect(jqlError('summary ~ "x"').errorMessages[0]).toContain("'summary'");
    expect(jqlError('project = PAY AND issuetype = standardIssueTypes()').errorMessages[0]).toContain(
      'standardIssueTypes',
    );
    expect(jqlError('project = PAY ORDER BY summary').errorMessages[0]).toContain("'summary'");
    expect(jqlError('project = PAY AND updated ~ "x"').errorMessages[0]).toContain("'~'");
  });

  it('answers a missing or hidden project with the does-not-exist message', () => {
    expect(jqlError('project = XYZ').errorMessages).toEqual([
      "The value 'XYZ' does not exist for the field 'project'.",
    ]);
    expect(jqlError('project = PAY', user('dev-mob')).errorMessages).toEqual([
      "The value 'PAY' does not exist for the field 'project'.",
    ]);
    expect(jqlError('issuetype = Saga').errorMessages[0]).toContain("'Saga'");
  });

  it('silently omits issues the caller cannot browse', () => {
    // PAY and CHK's 16 epics but CHK-8, whose security level po-pay is no member of.
    expect(keys('issuetype = Epic', user('po-pay'))).toHaveLength(15);
    expect(keys('issuetype = Epic', user('po-pay'))).not.toContain('CHK-8');
    expect(keys('issuetype = Epic', user('cpo'))).toContain('CHK-8');
    expect(keys('issuetype = Epic', user('outsider'))).toEqual([]);
  });
});
