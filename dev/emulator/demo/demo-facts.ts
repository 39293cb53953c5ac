/**
 * Named facts of the demo program (see DATASET.md), so tests and docs assert on the same keys.
 * Story index i of a team has key `<TEAM>-<9 + i>` (epics are 1..8).
 */
export const DEMO_NOW = '2026-11-20T09:00:00.000Z';

export const DEMO_TEAMS = [
  { key: 'PAY', name: 'Payments', cadenceWeeks: 2, activeStartedDaysAgo: 3 },
  { key: 'CHK', name: 'Checkout', cadenceWeeks: 1, activeStartedDaysAgo: 2 },
  { key: 'SRCH', name: 'Search', cadenceWeeks: 3, activeStartedDaysAgo: 10 },
  { key: 'MOB', name: 'Mobile', cadenceWeeks: 2, activeStartedDaysAgo: 8 },
  { key: 'PLAT', name: 'Platform', cadenceWeeks: 3, activeStartedDaysAgo: 4 },
] as const;

export const DEMO_FACTS = {
  epicsPerTeam: 8,
  storiesPerTeam: 80,
  /** Blocks links forming one cycle across three teams: each blocks the next, the last the first. */
  cycle: ['PAY-55', 'CHK-55', 'SRCH-55'],
  /** Open Blocks edges [prerequisite, dependant] by sprint-order status (DOMAIN.md). */
  conflicts: [
    ['PLAT-71', 'MOB-41'],
    ['SRCH-71', 'CHK-41'],
    ['PLAT-81', 'PAY-42'],
  ],
  atRisk: [['CHK-40', 'PAY-40']],
  healthy: [['PLAT-40', 'MOB-70']],
  /** A done prerequisite: no open dependency. */
  donePrerequisite: ['CHK-10', 'PAY-58'],
  /** Stories failing one Definition-of-Ready rule each, in every team (shown for PAY). */
  readinessFailures: {
    noDescription: 'PAY-59',
    noAcceptanceCriteria: 'PAY-60',
    unestimated: 'PAY-61',
    tooBig: 'PAY-62',
    noParentEpic: 'PAY-63',
  },
  /** The summary carrying markup that every UI must render as inert text. */
  htmlSummaryKey: 'PAY-65',
  htmlSummary: 'Show card brand logo <img src=x onerror=alert(1)>',
  relates: ['PAY-12', 'CHK-12'],
  duplicate: ['SRCH-69', 'SRCH-70'],
  /** Impediments: key, level, days at that level, past the default SLA (2/3/5/none days)? */
  impediments: [
    { key: 'PAY-93', level: 'Team', daysAtLevel: 1, pastSla: false, open: true },
    { key: 'CHK-93', level: 'Team', daysAtLevel: 4, pastSla: true, open: true },
    { key: 'SRCH-93', level: 'Scrum of Scrums', daysAtLevel: 2, pastSla: false, open: true },
    { key: 'MOB-93', level: 'Scrum of Scrums', daysAtLevel: 6, pastSla: true, open: true },
    { key: 'PLAT-93', level: 'Scrum of Scrums of Scrums', daysAtLevel: 3, pastSla: false, open: true },
    { key: 'PAY-94', level: 'Scrum of Scrums of Scrums', daysAtLevel: 9, pastSla: true, open: true },
    { key: 'CHK-94', level: 'Executive Action Team', daysAtLevel: 12, pastSla: false, open: true },
    { key: 'PLAT-94', level: 'Scrum of Scrums', daysAtLevel: 5, pastSla: false, open: false },
  ],
  /** An open impediment blocking a story (the "not blocked by an open impediment" rule). */
  impedimentBlocks: ['MOB-93', 'MOB-45'],
  /**
   * An epic under an issue security level: po-pay browses CHK but is not a member of the level, so every
   * surface must hide it from them as Jira does, while admin and cpo see it.
   */
  securedIssue: {
    key: 'CHK-8',
    level: { id: '10100', name: 'Checkout leadership', description: 'Only the CPO and admins' },
    members: ['admin', 'cpo'],
  },
  /** A link from a MOB story to a PLAT story that dev-mob (MOB only) must not see. */
  hiddenLinkForDevMob: ['PLAT-71', 'MOB-41'],
  users: {
    admin: { browse: '*', admin: true },
    cpo: { browse: '*', admin: false },
    'po-pay': { browse: ['PAY', 'CHK'], admin: false },
    'dev-mob': { browse: ['MOB'], admin: false },
    outsider: { browse: [], admin: false },
  },
} as const;
