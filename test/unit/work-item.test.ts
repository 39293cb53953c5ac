import { summarizeEpics, countByTeam, openDependencies } from '../../src/domain/program/program-summary';
import { toWorkItem, type IssueLike } from '../../src/domain/work-item';

const blocks = { name: 'Blocks', outward: 'blocks', inward: 'is blocked by' };
const status = (key: string) => ({ name: key, statusCategory: { key } });

const issues: IssueLike[] = [
  {
    key: 'PAY-1',
    fields: { summary: 'Epic', issuetype: { name: 'Epic', hierarchyLevel: 1 }, status: status('new') },
  },
  {
    key: 'PAY-2',
    fields: {
      summary: 'Story',
      issuetype: { name: 'Story', hierarchyLevel: 0 },
      status: status('indeterminate'),
      parent: { key: 'PAY-1' },
      issuelinks: [{ type: blocks, inwardIssue: { key: 'CHK-9', fields: { status: status('new') } } }],
    },
  },
  {
    key: 'PAY-3',
    fields: {
      issuetype: { name: 'Story', hierarchyLevel: 0 },
      status: status('done'),
      parent: { key: 'PAY-1' },
    },
  },
];

describe('work items', () => {
  it('takes the project from the key when Jira left it out, and tolerates missing fields', () => {
    const item = toWorkItem({ key: 'SRCH-12' });
    expect(item).toMatchObject({
      projectKey: 'SRCH',
      summary: '',
      statusCategory: 'indeterminate',
      parentKey: undefined,
    });
  });

  it('summarises epics in the given order with open and total children', () => {
    expect(summarizeEpics(issues.map(toWorkItem))).toEqual([
      expect.objectContaining({ programRank: 1, childCount: 2, openChildCount: 1 }),
    ]);
  });

  it('counts open and done backlog items per team, including teams with none', () => {
    expect(countByTeam(issues.map(toWorkItem), ['PAY', 'MOB'])).toEqual([
      { projectKey: 'PAY', epics: 1, openItems: 1, doneItems: 1 },
      { projectKey: 'MOB', epics: 0, openItems: 0, doneItems: 0 },
    ]);
  });

  it('reports an open cross-team dependency once, from the dependant', () => {
    const open = openDependencies(issues.map(toWorkItem));
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      provider: { key: 'CHK-9' },
      dependant: { key: 'PAY-2' },
      crossTeam: true,
    });
  });
});
