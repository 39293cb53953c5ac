/**
 * The demo program's answers, worked out by hand from DATASET.md and dev/emulator/demo/demo-program.ts:
 * story index i of a team is `<TEAM>-(9 + i)`, its epic is `<TEAM>-(i % 8 + 1)`, its points are
 * POINTS[(7i + 3t) % 12] with POINTS = [3, 5, 2, 8, 1, 3, 5, 13, 2, 5, 3, 8] and t the team index
 * (PAY 0, CHK 1, SRCH 2, MOB 3, PLAT 4), except i = 52 and 75 (unestimated) and i = 53 (21 points).
 * Sprint slots: i 0-29 done in the 3 closed sprints (10 each), 30-44 active, 45-59 future sprint 1,
 * 60-69 future sprint 2, 70-79 backlog.
 */
import { demoProgram } from '../../dev/emulator';
import { DEMO_FACTS, DEMO_NOW, DEMO_TEAMS } from '../../dev/emulator/demo/demo-facts';
import { analyseProgram, type ProgramAnalysis } from '../../src/domain/analyse-program';
import { applyRankOperations } from '../../src/domain/rank/apply-rank-operations';

let a: ProgramAnalysis;
beforeAll(() => {
  a = analyseProgram(demoProgram(), {}, { now: DEMO_NOW });
});

const edges = (status: string) =>
  a.dependencies.filter((d) => d.status === status).map((d) => [d.from, d.to]);

describe('the demo program, checked by hand', () => {
  it('finds its one cycle PAY-55 -> CHK-55 -> SRCH-55 -> PAY-55 across three teams', () => {
    expect(a.cycles).toEqual([
      {
        keys: ['CHK-55', 'PAY-55', 'SRCH-55'],
        path: ['CHK-55', 'SRCH-55', 'PAY-55', 'CHK-55'],
        teams: ['CHK', 'PAY', 'SRCH'],
      },
    ]);
  });

  it('classifies every open dependency by sprint order', () => {
    // Conflicts: DEMO_FACTS.conflicts, plus two cycle edges. i = 46 sits in each team's first future
    // sprint: PAY (2 weeks) Dec 1-15, CHK (1 week) Nov 25-Dec 2, SRCH (3 weeks) Dec 1-22. PAY-55 ends
    // Dec 15 after CHK-55 ends Dec 2: conflict; SRCH-55 ends Dec 22 after PAY-55: conflict; CHK-55
    // ends Dec 2 inside SRCH-55's Dec 1-22: at-risk.
    expect(edges('conflict')).toEqual(
      expect.arrayContaining([...DEMO_FACTS.conflicts, ['PAY-55', 'CHK-55'], ['SRCH-55', 'PAY-55']]),
    );
    expect(edges('conflict')).toHaveLength(5);
    expect(edges('at-risk')).toEqual([...DEMO_FACTS.atRisk, ['CHK-55', 'SRCH-55']]);
    expect(edges('healthy')).toEqual(DEMO_FACTS.healthy);
    expect(edges('unplanned')).toEqual([]);
    // A done prerequisite is no open dependency; an impediment link is an impediment, not planned work.
    expect(a.dependencies.map((d) => d.from)).not.toContain(DEMO_FACTS.donePrerequisite[0]);
    expect(a.dependencies.map((d) => d.from)).not.toContain(DEMO_FACTS.impedimentBlocks[0]);
    expect(a.dependencies.every((d) => d.crossTeam)).toBe(true);
  });

  it('counts conflicts per team pair in the matrix', () => {
    const cell = (needs: string, provides: string) =>
      a.matrix.cells.find((c) => c.needs === needs && c.provides === provides);
    // MOB needs PLAT twice: PLAT-71 -> MOB-41 (conflict) and PLAT-40 -> MOB-70 (healthy).
    expect(cell('MOB', 'PLAT')).toEqual({ needs: 'MOB', provides: 'PLAT', dependencies: 2, conflicts: 1 });
    expect(cell('PAY', 'CHK')).toEqual({ needs: 'PAY', provides: 'CHK', dependencies: 1, conflicts: 0 });
    expect(a.matrix.cells.reduce((n, c) => n + c.conflicts, 0)).toBe(5);
  });

  it('fails exactly one readiness rule per listed story, in every team', () => {
    for (const { key: team } of DEMO_TEAMS) {
      const failing = (n: number) => a.readiness.find((r) => r.key === `${team}-${n}`)?.failing;
      expect(failing(59)).toEqual(['description']);
      expect(failing(60)).toEqual(['acceptance-criteria']);
      expect(failing(61)).toEqual(['estimated']);
      expect(failing(84)).toEqual(['estimated']);
      expect(failing(62)).toEqual(['small-enough']);
      expect(failing(63)).toEqual(['parent-epic']);
    }
    expect(a.readiness.find((r) => r.key === 'MOB-45')?.failing).toEqual(['no-open-impediment']);
    // PLAT-81 is unscheduled while PAY-42 is in the active sprint.
    expect(a.readiness.find((r) => r.key === 'PAY-42')?.failing).toEqual(['prerequisites-scheduled']);
    // 7 of 8 rules pass: round(100 * 7 / 8) = 88.
    expect(a.readiness.find((r) => r.key === 'PAY-59')?.score).toBe(88);
  });

  it("computes each team's velocity, ready points and horizon", () => {
    // Velocity = mean points of stories 0-29 over the 3 closed sprints (10 stories each):
    //   PAY 52+48+48, CHK 51+45+52, SRCH 49+51+42, MOB 43+52+47, PLAT 52+48+48 (sums of POINTS terms).
    // Ready backlog = stories 45-79 (open, not in the active sprint), minus the DoR failures 50, 51,
    // 52, 53, 54, 75 (= KEY-59..63 and KEY-84), minus i = 46 in PAY and CHK (PAY-55 and CHK-55 wait
    // for a prerequisite in conflict); SRCH-55's prerequisite CHK-55 is only at-risk, so it is ready.
    // PAY-58 (i = 49) needs CHK-10, which is done, so it is ready too.
    expect(
      a.teams.map((t) => [t.team, t.velocity, t.readyItems, t.readyPoints, t.horizonSprints, t.status]),
    ).toEqual([
      ['CHK', 49.33, 28, 132, 2.68, 'green'],
      ['MOB', 47.33, 29, 138, 2.92, 'green'],
      ['PAY', 49.33, 28, 143, 2.9, 'green'],
      ['PLAT', 49.33, 29, 146, 2.96, 'green'],
      ['SRCH', 47.33, 29, 145, 3.06, 'green'],
    ]);
    expect(a.teams.find((t) => t.team === 'PAY')?.velocityBasis).toEqual([
      { sprint: 'PAY Sprint 1', completedPoints: 52 },
      { sprint: 'PAY Sprint 2', completedPoints: 48 },
      { sprint: 'PAY Sprint 3', completedPoints: 48 },
    ]);
  });

  it('flags PLAT-8 (no job size) and finds the inversions the cross-team links make', () => {
    const plat8 = a.priority.epics.find((e) => e.key === 'PLAT-8');
    expect(plat8?.wsjf).toEqual(expect.objectContaining({ score: null, missing: ['jobSize'] }));
    // PAY-42 (i = 33, epic PAY-2) needs PLAT-81 (i = 72, epic PLAT-1); in Jira rank order PAY-2 is
    // 2nd and PLAT-1 33rd, so the higher epic waits for a lower one.
    expect(a.priority.inversions).toContainEqual({ higher: 'PAY-2', lower: 'PLAT-1', inCycle: false });
    expect(a.priority.order.slice(0, 3)).toEqual(['PAY-1', 'PAY-2', 'PAY-3']);
    const prerequisites = a.epicDependencies;
    for (const e of prerequisites) {
      const inCycle =
        ['PAY-7', 'CHK-7', 'SRCH-7'].includes(e.from) && ['PAY-7', 'CHK-7', 'SRCH-7'].includes(e.to);
      if (!inCycle)
        expect(a.priority.suggested.indexOf(e.from)).toBeLessThan(a.priority.suggested.indexOf(e.to));
    }
    expect(a.priority.moves.every((m) => m.reason.length > 0)).toBe(true);
  });

  it('plans 24 rank moves per team that bring its backlog into MetaScrum epic order', () => {
    // Backlog = stories 45-79 in key order; epic of i = i % 8 + 1, i.e. epics 6,7,8 then four rounds
    // of 1..8. The longest run of non-decreasing epics is 8 (one full round) + 3 (a repeated epic at
    // each of the other three round boundaries) = 11, so 35 - 11 = 24 stories must move.
    for (const flow of a.rankMoves) {
      expect([flow.items, flow.moves]).toEqual([35, 24]);
      const current = Array.from({ length: 35 }, (_, n) => `${flow.team}-${54 + n}`);
      expect(applyRankOperations(current, flow.operations)).toEqual(flow.target);
    }
  });

  it('measures impediments against the default SLA ladder 2 / 3 / 5 / none days', () => {
    const open = DEMO_FACTS.impediments.filter((i) => i.open);
    expect(a.impediments.open.map((o) => [o.key, o.level, o.daysAtLevel, o.breached]).sort()).toEqual(
      open.map((i) => [i.key, i.level, i.daysAtLevel, i.pastSla]).sort(),
    );
    expect(a.impediments.slaBreaches).toBe(3);
    // PLAT-94: created 7 days before now (5 days at SoS + one 2-day step), resolved 1 day before.
    expect(a.impediments.medianDaysToResolve).toBe(6);
  });

  it('advises meeting once a week, from its three inputs', () => {
    // Load 15 = 7 open impediments + 8 open cross-team dependencies (medium, 10-25).
    // Arrivals 8 escalations in 14 days (SRCH-93 1, MOB-93 1, PLAT-93 2, PAY-94 2, CHK-94 1, PLAT-94 1)
    // = 4 per week (medium, 2-5). Resolution: median of open ages 1, 4, 4, 7, 8, 13, 18 and the recent
    // resolution 6 = 6.5 days against the usual 6: x1.08 (low). Score 1 + 1 + 0 = 2: once a week.
    expect(a.cadence.factors.map((f) => [f.value, f.level])).toEqual([
      [15, 1],
      [4, 1],
      [1.08, 0],
    ]);
    expect(a.cadence.advice).toBe('meet once a week');
  });
});
