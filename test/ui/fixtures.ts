/** Resolver answers for the component tests, shaped by the contract's types. */
import type { Board, BoardEpic, IssueContext, SnapshotInfo, Steering } from '../../src/shared/contract';

export const snapshot: SnapshotInfo = {
  state: 'ready',
  builtAt: '2026-11-20T09:00:00Z',
  ageSeconds: 300,
  fullBuiltAt: '2026-11-20T09:00:00Z',
  partial: [],
};
export const analysis = { state: 'ready' as const, computedAt: '2026-11-20T09:00:00Z' };
export const HTML = 'Show card brand logo <img src=x onerror=alert(1)>';

export function epic(key: string, rank: number, extra: Partial<BoardEpic> = {}): BoardEpic {
  return {
    key,
    summary: `${key} summary`,
    team: key.split('-')[0] ?? '',
    statusName: 'In Progress',
    statusCategory: 'indeterminate',
    rank,
    suggestedRank: rank,
    moveReason: null,
    wsjf: 5,
    wsjfProblem: null,
    readiness: 80,
    readyPoints: 8,
    openPoints: 10,
    openChildren: 3,
    readyChildren: 2,
    depsIn: 0,
    depsOut: 0,
    conflicts: 0,
    inCycle: false,
    critical: false,
    impediments: 0,
    inversion: false,
    unblocksTeams: 0,
    unblocksItems: 0,
    forecast: {
      p50Date: '2026-12-11',
      p85Date: '2026-12-25',
      dueDate: null,
      pOnTime: null,
      unforecastable: null,
    },
    ...extra,
  };
}

export function board(extra: Partial<Board> = {}): Board {
  return {
    programName: 'Commerce',
    programSource: 'configured',
    hiddenProjectCount: 0,
    hiddenIssueCount: 0,
    snapshot,
    analysis,
    rows: [
      epic('PAY-1', 1),
      epic('PAY-2', 2, { inversion: true, conflicts: 1, summary: HTML }),
      epic('CHK-1', 3),
    ],
    total: 3,
    page: 1,
    pageSize: 25,
    teamOptions: ['CHK', 'PAY'],
    horizons: [
      {
        team: 'PAY',
        velocity: 49.33,
        readyPoints: 143,
        backlogItems: 35,
        readyItems: 28,
        horizonSprints: 2.9,
        status: 'green',
        reason: '2.9 sprints is within the 2-4 sprint band',
      },
    ],
    band: { minSprints: 2, maxSprints: 4 },
    slipAlerts: [],
    order: {
      source: 'explicit',
      version: 4,
      changedAt: '2026-11-20T09:00:00Z',
      changedBy: { accountId: 'cpo', displayName: 'Chris Product' },
      change: 'moved PAY-1 to the top',
      canReorder: true,
      reorderNote: null,
    },
    suggestion: {
      moves: [{ key: 'PAY-2', from: 2, to: 3, reason: 'moved down: waits for PLAT-1 (WSJF 21.5)' }],
      inversions: [{ higher: 'PAY-2', lower: 'PLAT-1', inCycle: false }],
      moveCount: 1,
      inversionCount: 1,
    },
    ...extra,
  };
}

export function issueContext(extra: Partial<IssueContext> = {}): IssueContext {
  return {
    issue: { key: 'PAY-55', summary: HTML, team: 'PAY', kind: 'backlog' },
    upstream: [
      {
        key: 'SRCH-55',
        summary: 'Search story',
        team: 'SRCH',
        statusName: 'To Do',
        statusCategory: 'new',
        depth: 1,
        status: 'conflict',
        via: 'PAY-55',
        inCycle: true,
        critical: false,
      },
    ],
    downstream: [],
    inCycle: true,
    cycleWith: ['CHK-55', 'SRCH-55'],
    cyclePath: ['PAY-55', 'CHK-55', 'SRCH-55', 'PAY-55'],
    epic: null,
    forecast: {
      p50Sprint: 2,
      p85Sprint: 3,
      p95Sprint: 3,
      p50Date: '2026-12-18',
      p85Date: '2027-01-01',
      p95Date: '2027-01-01',
      dueDate: '2026-12-24',
      pOnTime: 0.55,
      unforecastable: null,
      drivenBy: [
        { key: 'SRCH-55', p85Date: '2026-12-18' },
        { key: 'CHK-55', p85Date: '2026-12-04' },
      ],
      drivenByHidden: true,
    },
    impediments: { blocks: [], blockedBy: [] },
    critical: false,
    readiness: {
      ready: false,
      score: 88,
      rules: [
        { id: 'description', pass: true, reason: 'has a description', required: true, weight: 1 },
        {
          id: 'prerequisites-scheduled',
          pass: false,
          reason: 'prerequisite SRCH-55 ends after this item’s sprint',
          required: true,
          weight: 1,
        },
      ],
    },
    badge: { conflicts: 2, blockers: 1 },
    hiddenIssueCount: 1,
    snapshot,
    analysis,
    ...extra,
  };
}

export function steering(extra: Partial<Steering> = {}): Steering {
  const b = board();
  return {
    programName: 'Commerce',
    programSource: 'configured',
    hiddenProjectCount: 0,
    hiddenIssueCount: 0,
    snapshot,
    analysis,
    title: 'Commerce: CPO overview',
    sections: ['now', 'going', 'stopping', 'cadence'],
    refreshMinutes: 0,
    horizons: b.horizons,
    band: b.band,
    readiness: { readyItems: 28, backlogItems: 35 },
    topEpics: b.rows,
    forecast: {
      epics: [
        {
          key: b.rows[0]?.key ?? 'PAY-1',
          p50Date: '2026-12-18',
          p85Date: '2027-01-01',
          dueDate: '2026-12-24',
          pOnTime: 0.62,
          unforecastable: null,
        },
      ],
      epicCount: 3,
      burnUp: [
        { date: '2026-12-04', p50: 1, p85: 0, p95: 0 },
        { date: '2026-12-18', p50: 2, p85: 1, p95: 1 },
        { date: '2027-01-01', p50: 3, p85: 3, p95: 2 },
      ],
    },
    alerts: {
      open: [
        {
          id: 'dep:CHK-12>PAY-12',
          kind: 'dependency',
          key: 'PAY-12',
          prerequisite: 'CHK-12',
          detail: 'CHK-12 (CHK) is planned in CHK Sprint 9, which ends after PAY-12 (PAY) in PAY Sprint 8',
          raisedAt: '2026-11-19T09:00:00.000Z',
          resolvedAt: null,
        },
      ],
      resolved: [],
    },
    matrix: {
      teams: ['MOB', 'PLAT'],
      cells: [{ needs: 'MOB', provides: 'PLAT', dependencies: 2, conflicts: 1 }],
    },
    cycles: [
      { keys: ['CHK-55', 'PAY-55', 'SRCH-55'], path: ['PAY-55', 'CHK-55', 'SRCH-55', 'PAY-55'], hidden: 0 },
    ],
    impediments: {
      perLevel: [{ level: 'Team', open: 2, breached: 1, oldestDays: 4.6, slaDays: 2 }],
      breaches: [
        { key: 'CHK-93', summary: 'Checkout impediment', level: 'Team', daysAtLevel: 4.6, slaDays: 2 },
      ],
    },
    cadence: {
      advice: 'meet once a week',
      rule: 'each factor scores 0, 1 or 2',
      factors: [
        {
          name: 'open load',
          value: 15,
          level: 1,
          detail: '7 open impediments + 8 open cross-team dependencies',
        },
      ],
    },
    ...extra,
  };
}
