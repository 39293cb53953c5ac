import { rankBetween, ranksBetween, initialRanks } from '../../dev/emulator/state/rank';
import { at, searchKeys, startHarness, type Harness } from './emulator-harness';

let h: Harness;
beforeEach(async () => (h = await startHarness()));
afterEach(() => h.emulator.close());

const rank = (body: unknown, as = 'app') => h.call('PUT', '/rest/agile/1.0/issue/rank', { body, as });
const epicOrder = () => searchKeys(h, 'project = PAY AND issuetype = Epic ORDER BY Rank');

describe('LexoRank-like ranks', () => {
  it('orders initial ranks and midpoints as plain strings', () => {
    const [a, b] = initialRanks(2);
    const mid = rankBetween(a, b);
    expect(a! < mid && mid < b!).toBe(true);
    const many = ranksBetween(a, mid, 60);
    expect([...many].sort()).toEqual(many);
    expect(many[0]! > a! && many[59]! < mid).toBe(true);
    expect(rankBetween(undefined, a) < a!).toBe(true);
  });
});

describe('PUT /rest/agile/1.0/issue/rank', () => {
  it('moves issues before an anchor in the given order and answers 204', async () => {
    expect(await epicOrder()).toEqual([
      'PAY-1',
      'PAY-2',
      'PAY-3',
      'PAY-4',
      'PAY-5',
      'PAY-6',
      'PAY-7',
      'PAY-8',
    ]);
    expect((await rank({ issues: ['PAY-5', 'PAY-3'], rankBeforeIssue: 'PAY-2' })).status).toBe(204);
    expect(await epicOrder()).toEqual([
      'PAY-1',
      'PAY-5',
      'PAY-3',
      'PAY-2',
      'PAY-4',
      'PAY-6',
      'PAY-7',
      'PAY-8',
    ]);
    expect(
      (await rank({ issues: ['PAY-1'], rankAfterIssue: 'PAY-8', rankCustomFieldId: 10019 })).status,
    ).toBe(204);
    expect((await epicOrder()).slice(-2)).toEqual(['PAY-8', 'PAY-1']);
  });

  it('keeps the rank field and ORDER BY Rank in agreement', async () => {
    await rank({ issues: ['PAY-8'], rankBeforeIssue: 'PAY-1' });
    const res = await h.call('GET', '/rest/api/3/issue/PAY-8?fields=customfield_10019');
    const first = await h.call('GET', '/rest/api/3/issue/PAY-1?fields=customfield_10019');
    expect(
      String(at(res.json, 'fields', 'customfield_10019')) <
        String(at(first.json, 'fields', 'customfield_10019')),
    ).toBe(true);
  });

  it('answers 207 with per-issue entries when some issues cannot be ranked', async () => {
    const res = await rank({ issues: ['PAY-5', 'MOB-1', 'PAY-999'], rankBeforeIssue: 'PAY-2' }, 'po-pay');
    expect(res.status).toBe(207);
    expect(res.json).toEqual({
      entries: [
        { issueId: 10005, issueKey: 'PAY-5', status: 200 },
        { issueId: 0, issueKey: 'MOB-1', status: 404, errors: [expect.any(String)] },
        { issueId: 0, issueKey: 'PAY-999', status: 404, errors: [expect.any(String)] },
      ],
    });
    expect((await epicOrder()).slice(0, 3)).toEqual(['PAY-1', 'PAY-5', 'PAY-2']);
  });

  it('rejects more than 50 issues, both or no anchors, and an unknown rank field with 400', async () => {
    const keys = Array.from({ length: 51 }, (_, i) => `PAY-${i + 9}`);
    expect((await rank({ issues: keys, rankBeforeIssue: 'PAY-1' })).status).toBe(400);
    expect((await rank({ issues: ['PAY-2'] })).status).toBe(400);
    expect(
      (await rank({ issues: ['PAY-2'], rankBeforeIssue: 'PAY-1', rankAfterIssue: 'PAY-3' })).status,
    ).toBe(400);
    expect((await rank({ issues: ['PAY-2'], rankBeforeIssue: 'PAY-1', rankCustomFieldId: 1 })).status).toBe(
      400,
    );
  });
});
