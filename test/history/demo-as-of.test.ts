import { issuesAsOf, sprintsAsOf } from '../../dev/preview/demo-as-of';
import type { StoredIssue } from '../../src/storage/snapshot-schema';

const AT = Date.parse('2026-10-15T12:00:00Z');
const sprint = (id: number, start: string, end: string, state: string) => ({
  id,
  name: `S${id}`,
  state,
  startDate: `${start}T09:00:00.000Z`,
  endDate: `${end}T09:00:00.000Z`,
  ...(state === 'closed' ? { completeDate: `${end}T09:00:00.000Z` } : {}),
});
const issue = (key: string, fields: Record<string, unknown>): StoredIssue => ({ id: key, key, fields });

describe('the demo program as it was at an earlier date (preview demo history)', () => {
  it('sets each sprint’s state by its dates', () => {
    const sprints = [
      sprint(1, '2026-10-01', '2026-10-14', 'closed'),
      sprint(2, '2026-10-14', '2026-10-28', 'closed'),
      sprint(3, '2026-10-28', '2026-11-11', 'active'),
    ];
    expect(sprintsAsOf(sprints, AT).map((s) => [s.state, s.completeDate ?? null])).toEqual([
      ['closed', '2026-10-14T09:00:00.000Z'],
      ['active', null],
      ['future', null],
    ]);
  });

  it('leaves out issues created later and links to them, and reopens issues resolved later', () => {
    const issues = [
      issue('PAY-1', {
        created: '2026-09-01T00:00:00.000Z',
        resolutiondate: '2026-10-20T00:00:00.000Z',
        status: { name: 'Done' },
        customfield_10020: [sprint(2, '2026-10-14', '2026-10-28', 'closed')],
        issuelinks: [{ outwardIssue: { key: 'PAY-2' } }, { inwardIssue: { key: 'PAY-3' } }],
      }),
      issue('PAY-2', { created: '2026-10-16T00:00:00.000Z', resolutiondate: null }),
      issue('PAY-3', { created: '2026-09-02T00:00:00.000Z', resolutiondate: '2026-10-01T00:00:00.000Z' }),
    ];
    const then = issuesAsOf(issues, AT);
    expect(then.map((i) => i.key)).toEqual(['PAY-1', 'PAY-3']);
    const pay1 = then[0]?.fields;
    expect(pay1?.resolutiondate).toBeNull();
    expect(pay1?.status).toMatchObject({ name: 'In Progress' });
    expect(pay1?.issuelinks).toEqual([{ inwardIssue: { key: 'PAY-3' } }]);
    expect(then[1]?.fields.resolutiondate).toBe('2026-10-01T00:00:00.000Z');
  });
});
