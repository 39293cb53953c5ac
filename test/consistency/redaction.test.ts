import { dataOf, startHarness, type Harness } from '../resolvers/harness';

/** What each demo user may browse (DEMO_FACTS.users), for the users who cannot see every team. */
const PARTIAL = { 'po-pay': ['PAY', 'CHK'], 'dev-mob': ['MOB'] } as const;
const HIDDEN_PROJECT_TEXT = (visible: readonly string[]) =>
  new RegExp(`\\b(?!(?:${visible.join('|')})\\b)(PAY|CHK|SRCH|MOB|PLAT)\\b`);

describe('one redaction rule and one numbering for every viewer', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.buildSnapshot();
  });
  afterAll(() => h.close());

  it('numbers epics by their program MetaScrum position for everyone: gaps, never a renumbering', async () => {
    const all = dataOf(await h.call('panel/getBoard', { pageSize: 100 }, 'cpo')).rows;
    const position = new Map(all.map((r) => [r.key, [r.rank, r.suggestedRank]]));
    for (const user of Object.keys(PARTIAL)) {
      const rows = dataOf(await h.call('panel/getBoard', { pageSize: 100 }, user)).rows;
      expect(rows.length).toBeLessThan(all.length);
      for (const r of rows)
        expect([r.key, r.rank, r.suggestedRank]).toEqual([r.key, ...(position.get(r.key) ?? [])]);
    }
  });

  it('never names a hidden project’s sprint, WSJF or program-wide count in reasons', async () => {
    for (const [user, visible] of Object.entries(PARTIAL)) {
      const board = dataOf(await h.call('panel/getBoard', { pageSize: 100 }, user));
      const agenda = dataOf(await h.call('panel/getAgenda', {}, user));
      const texts = [
        ...board.rows.flatMap((r) => [r.moveReason ?? '', r.wsjfProblem ?? '']),
        ...board.suggestion.moves.map((m) => m.reason),
        ...agenda.items.flatMap((i) => i.failing.map((f) => f.reason)),
      ];
      for (const text of texts) {
        expect({ user, text, hidden: HIDDEN_PROJECT_TEXT(visible).test(text) }).toEqual({
          user,
          text,
          hidden: false,
        });
        expect(text).not.toMatch(/an issue you cannot see \(/);
        expect(text).not.toMatch(/ of \d+\b/);
      }
    }
  });

  it('counts on each panel row only the links the viewer’s map and issue panel show', async () => {
    for (const user of ['cpo', ...Object.keys(PARTIAL)]) {
      const rows = dataOf(await h.call('panel/getBoard', { pageSize: 100 }, user)).rows;
      for (const row of rows) {
        const epic = dataOf(await h.call('issue/getContext', { issueKey: row.key }, user)).epic;
        expect({ user, key: row.key, needs: epic?.needs.length, neededBy: epic?.neededBy.length }).toEqual({
          user,
          key: row.key,
          needs: row.depsIn,
          neededBy: row.depsOut,
        });
      }
    }
  });
});
