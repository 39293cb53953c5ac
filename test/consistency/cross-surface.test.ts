import { DEMO_FACTS } from '../../dev/emulator/demo/demo-facts';
import { readReportInput } from '../../dev/report/report-input';
import { reportJson, type ReportJson } from '../../dev/report/report-json';
import { analyseProgram } from '../../src/domain/analyse-program';
import { projectKeyOf } from '../../src/domain/issue-key';
import type { Board, BoardEpic, IssueContext } from '../../src/shared/contract';
import { DEMO_NOW_MS } from '../doubles/pinned-clock';
import { dataOf, startHarness, type Harness } from '../resolvers/harness';

/**
 * One truth on every surface (issue 11): for every open epic and every issue with dependencies in the
 * demo, and for each demo user, the MetaScrum panel row, its CSV line, the dependency map, the gadget,
 * the issue panel and the report CLI (as the admin sees it) agree on needs, needed by, conflicts, cycle
 * membership and order, impediment level and days at level, and readiness. Each user is compared with
 * what that user may see: the report CLI runs as the admin, so it is compared with the admin's views.
 */
const BROWSES: Record<string, readonly string[] | '*'> = {
  admin: '*',
  cpo: '*',
  'po-pay': ['PAY', 'CHK'],
  'dev-mob': ['MOB'],
  outsider: [],
};
const SECURED = DEMO_FACTS.securedIssue;
const seesKey = (user: string, key: string) => {
  const browse = BROWSES[user] ?? [];
  const project = browse === '*' || browse.includes(projectKeyOf(key));
  return project && (key !== SECURED.key || SECURED.members.some((m) => m === user));
};

/** RFC 4180 lines of the export, by key (every field quoted; no field holds a line break here). */
function csvRows(csv: string): Map<string, Record<string, string>> {
  const [head = '', ...lines] = csv.trim().split('\r\n');
  const cells = (line: string) =>
    [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => (m[1] ?? '').replace(/""/g, '"'));
  const header = cells(head);
  const rows = lines.map((l) => Object.fromEntries(cells(l).map((c, i) => [header[i] ?? '', c])));
  return new Map(rows.map((r) => [r.Key ?? '', r]));
}

/**
 * The report's cycle (a closed path from its smallest key) as the issue panel words it: the same order,
 * started and ended at the panel's issue, a run of members the user may not see as one null.
 */
function asSeenFrom(cycle: readonly string[], key: string, sees: (k: string) => boolean) {
  const open = cycle.slice(0, -1);
  const at = open.indexOf(key);
  const path = [...open.slice(at), ...open.slice(0, at), key];
  return path
    .map((k) => (sees(k) ? k : null))
    .filter((k, i, all) => k !== null || i === 0 || all[i - 1] !== null);
}

const rowFacts = (r: BoardEpic) => ({
  rank: r.rank,
  needs: r.depsIn,
  neededBy: r.depsOut,
  conflicts: r.conflicts,
  inCycle: r.inCycle,
  readiness: r.readiness,
  impediments: r.impediments,
});

let h: Harness;
let report: ReportJson;
beforeAll(async () => {
  h = await startHarness();
  await h.buildSnapshot();
  const { input } = readReportInput(h.dataset);
  report = reportJson(analyseProgram(input, {}, { now: DEMO_NOW_MS }));
});
afterAll(() => h.close());

describe.each(Object.keys(BROWSES))('every surface agrees, as %s', (user) => {
  let board: Board;
  const contexts = new Map<string, IssueContext | 'not found'>();
  const contextOf = async (key: string) => {
    const cached = contexts.get(key);
    if (cached) return cached;
    const reply = await h.call('issue/getContext', { issueKey: key }, user);
    const ctx = reply.ok ? reply.data : 'not found';
    contexts.set(key, ctx);
    return ctx;
  };
  beforeAll(async () => {
    board = dataOf(await h.call('panel/getBoard', { pageSize: 100 }, user));
  });

  it('shows exactly the open epics it may see, ranked by the program’s MetaScrum positions', () => {
    const expected = report.priority.order.filter((k) => seesKey(user, k));
    expect(board.rows.map((r) => r.key)).toEqual(expected);
    for (const row of board.rows) expect(row.rank).toBe(report.priority.order.indexOf(row.key) + 1);
  });

  it('says the same of each epic in the panel row, the CSV, the map, the gadget and the epic’s issue panel', async () => {
    const csv = csvRows(dataOf(await h.call('panel/exportCsv', {}, user)).csv);
    const map = dataOf(await h.call('panel/getDependencyMap', {}, user));
    const gadget = dataOf(await h.call('gadget/getSteering', { config: {} }, user));
    const nodeOf = new Map(map.nodes.map((n) => [n.key, n]));
    expect([...csv.keys()]).toEqual(board.rows.map((r) => r.key));
    for (const row of board.rows) {
      const facts = rowFacts(row);
      const line = csv.get(row.key);
      expect({
        key: row.key,
        csv: line && {
          rank: Number(line['MetaScrum rank']),
          needs: Number(line['Dependencies in']),
          neededBy: Number(line['Dependencies out']),
          conflicts: Number(line.Conflicts),
          inCycle: line['In a cycle'] === 'yes',
          readiness: line['Readiness %'] === '' ? null : Number(line['Readiness %']),
          impediments: Number(line['Open impediments']),
        },
      }).toEqual({ key: row.key, csv: facts });
      const node = nodeOf.get(row.key);
      if (node)
        expect({ key: row.key, rank: node.rank, inCycle: node.inCycle }).toEqual({
          key: row.key,
          rank: row.rank,
          inCycle: row.inCycle,
        });
      const ctx = await contextOf(row.key);
      expect(ctx).not.toBe('not found');
      if (ctx === 'not found') continue;
      expect({
        key: row.key,
        needs: ctx.epic?.needs.length,
        neededBy: ctx.epic?.neededBy.length,
        conflicts: ctx.epic?.conflicts.length,
        inCycle: ctx.inCycle,
        readiness: ctx.readiness?.score,
      }).toEqual({
        key: row.key,
        needs: row.depsIn,
        neededBy: row.depsOut,
        conflicts: row.conflicts,
        inCycle: row.inCycle,
        readiness: row.readiness,
      });
    }
    for (const top of gadget.topEpics) {
      const row = board.rows.find((r) => r.key === top.key);
      expect({ key: top.key, facts: rowFacts(top) }).toEqual({ key: top.key, facts: row && rowFacts(row) });
    }
    // The map's epic edges carry as many item links as the rows count (needs of each dependant epic).
    for (const row of board.rows.filter((r) => nodeOf.has(r.key))) {
      const into = map.edges.filter((e) => e.to === row.key).reduce((n, e) => n + e.via, 0);
      expect({ key: row.key, into }).toEqual({ key: row.key, into: Math.min(into, row.depsIn) });
    }
  });

  it('says the same of each issue with dependencies in its issue panel as the report does', async () => {
    const keys = [...new Set(report.dependencies.flatMap((d) => [d.from, d.to]))].sort();
    expect(keys.length).toBeGreaterThan(5);
    for (const key of keys) {
      const ctx = await contextOf(key);
      if (!seesKey(user, key)) {
        expect({ key, ctx }).toEqual({ key, ctx: 'not found' });
        continue;
      }
      if (ctx === 'not found') throw new Error(`${user} cannot open ${key}`);
      const direct = (entries: IssueContext['upstream']) =>
        entries
          .filter((e) => e.depth === 1)
          .map((e) => [e.key, e.status])
          .sort();
      const needs = report.dependencies.filter((d) => d.to === key && seesKey(user, d.from));
      const neededBy = report.dependencies.filter((d) => d.from === key && seesKey(user, d.to));
      const cycle = report.cycles.find((c) => c.includes(key));
      const readiness = report.readiness.find((r) => r.key === key);
      expect({
        key,
        needs: direct(ctx.upstream),
        neededBy: direct(ctx.downstream),
        inCycle: ctx.inCycle,
        cyclePath: ctx.cyclePath,
        readiness: ctx.readiness && { score: ctx.readiness.score, ready: ctx.readiness.ready },
      }).toEqual({
        key,
        needs: needs.map((d) => [d.from, d.status]).sort(),
        neededBy: neededBy.map((d) => [d.to, d.status]).sort(),
        inCycle: cycle !== undefined,
        cyclePath: cycle ? asSeenFrom(cycle, key, (k) => seesKey(user, k)) : [],
        readiness: readiness ? { score: readiness.score, ready: readiness.ready } : null,
      });
    }
  });

  it('gives each open impediment the same level and days at level on the gadget, the backlogs and the report', async () => {
    const gadget = dataOf(await h.call('gadget/getSteering', { config: {} }, user));
    const backlogs = dataOf(await h.call('impediment/listBacklogs', {}, user));
    const onBacklogs = new Map(backlogs.levels.flatMap((l) => l.items.map((i) => [i.key, i] as const)));
    const open = report.impediments.open.filter((o) => seesKey(user, o.key));
    expect([...onBacklogs.keys()].sort()).toEqual(open.map((o) => o.key).sort());
    for (const o of open) {
      const b = onBacklogs.get(o.key);
      expect({ key: o.key, level: b?.level, days: b?.daysAtLevel }).toEqual({
        key: o.key,
        level: o.level,
        days: o.daysAtLevel,
      });
    }
    for (const breach of gadget.impediments.breaches) {
      const o = open.find((i) => i.key === breach.key);
      expect({ key: breach.key, level: breach.level, days: breach.daysAtLevel, breached: true }).toEqual({
        key: breach.key,
        level: o?.level,
        days: o?.daysAtLevel,
        breached: o?.breached,
      });
    }
    for (const level of gadget.impediments.perLevel) {
      const here = open.filter((o) => o.level === level.level);
      expect({ level: level.level, open: level.open }).toEqual({ level: level.level, open: here.length });
    }
  });
});
