import type { Dataset } from '../dataset/schema';
import { loadDataset } from '../dataset/load-dataset';
import { DEMO_FACTS, DEMO_NOW, DEMO_TEAMS } from './demo-facts';
import { ESCALATION_LEVELS, FIELD, ISSUE_TYPES, LINK_TYPES, SITE_URL, adf } from './jira-catalog';
import { DAY, ProgramBuilder, iso, type Team } from './program-builder';
import { addLegacyTeams, applyLegacySite } from './legacy-site';

const POINTS = [3, 5, 2, 8, 1, 3, 5, 13, 2, 5, 3, 8];
const EPIC_THEMES = [
  'Onboarding',
  'Reliability',
  'Performance',
  'Compliance',
  'Analytics',
  'Localisation',
  'Accessibility',
  'Partner API',
];
const WSJF = [8, 5, 13, 3, 20, 2, 8, 1];

/** Which sprint slot story index i sits in: 3 closed x 10, active 15, future 15 + 10, backlog 10. */
function slotOf(i: number): number | undefined {
  if (i < 30) return Math.floor(i / 10);
  if (i < 45) return 3;
  if (i < 60) return 4;
  if (i < 70) return 5;
  return undefined;
}

function storyStatus(i: number): 'todo' | 'inProgress' | 'done' {
  if (i < 30 || (i >= 40 && i < 45)) return 'done';
  return i >= 35 && i < 40 ? 'inProgress' : 'todo';
}

function addStories(b: ProgramBuilder, team: Team, teamIndex: number, nowMs: number): void {
  for (let i = 0; i < DEMO_FACTS.storiesPerTeam; i++) {
    const slot = slotOf(i);
    const sprint = slot === undefined ? undefined : team.sprints[slot];
    const status = storyStatus(i);
    const type = i % 10 === 7 ? ISSUE_TYPES.bug : i % 10 === 4 ? ISSUE_TYPES.task : ISSUE_TYPES.story;
    const sprintStart = sprint ? Date.parse(sprint.startDate) : nowMs;
    const createdMs = Math.min(sprintStart, nowMs) - (5 + (i % 7)) * DAY;
    const resolvedMs =
      status === 'done' ? Math.min(sprintStart + (2 + (i % 5)) * DAY, nowMs - DAY) : undefined;
    const points =
      i === 52 || i === 75 ? undefined : i === 53 ? 21 : POINTS[(i * 7 + teamIndex * 3) % POINTS.length];
    const summary =
      team.key === 'PAY' && i === 56
        ? DEMO_FACTS.htmlSummary
        : `${team.name}: ${type.name.toLowerCase()} ${i + 1} of ${EPIC_THEMES[i % 8] ?? ''}`;
    b.addIssue({
      team,
      type,
      summary,
      status,
      parentKey: i === 54 ? undefined : `${team.key}-${(i % 8) + 1}`,
      sprints: sprint ? [sprint] : [],
      createdMs,
      updatedMs: resolvedMs ?? Math.min(createdMs + 3 * DAY, nowMs),
      resolvedMs,
      extra: {
        ...(i === 50
          ? {}
          : {
              description: adf(
                `As a customer of ${team.name} I want item ${i + 1}.`,
                'So that the program moves.',
              ),
            }),
        ...(i === 51
          ? {}
          : {
              [FIELD.acceptanceCriteria]:
                i % 2 === 0 ? adf('Given a user, when they act, then it works.') : 'Works end to end.',
            }),
        ...(points === undefined ? {} : { [FIELD.storyPoints]: points }),
      },
    });
  }
}

function addSubtasks(b: ProgramBuilder, team: Team, nowMs: number): void {
  for (const parentIndex of [30, 30, 35, 35]) {
    b.addIssue({
      team,
      type: ISSUE_TYPES.subtask,
      summary: `Sub-task of ${team.key}-${9 + parentIndex}`,
      status: 'todo',
      parentKey: `${team.key}-${9 + parentIndex}`,
      createdMs: nowMs - 3 * DAY,
      updatedMs: nowMs - 2 * DAY,
    });
  }
}

/** Impediments with their escalation history, per DEMO_FACTS.impediments. */
function addImpediments(b: ProgramBuilder, team: Team, nowMs: number): void {
  for (const imp of DEMO_FACTS.impediments.filter((x) => x.key.startsWith(`${team.key}-`))) {
    const levelIndex = ESCALATION_LEVELS.findIndex((l) => l.value === imp.level);
    const enteredMs = nowMs - imp.daysAtLevel * DAY;
    const createdMs = enteredMs - levelIndex * 2 * DAY;
    const history = ESCALATION_LEVELS.slice(0, levelIndex + 1).map((level, step) => ({
      from: step === 0 ? null : (ESCALATION_LEVELS[step - 1]?.value ?? null),
      to: level.value,
      at: iso(createdMs + step * 2 * DAY),
      by: step === 0 ? 'po-pay' : 'cpo',
      reason:
        step === 0
          ? 'Raised at the daily scrum'
          : `Not resolved at ${ESCALATION_LEVELS[step - 1]?.value ?? ''} level`,
    }));
    const option = ESCALATION_LEVELS[levelIndex];
    const key = b.addIssue({
      team,
      type: ISSUE_TYPES.impediment,
      summary: `${team.name} impediment: ${imp.level} needs to act`,
      status: imp.open ? 'todo' : 'done',
      createdMs,
      updatedMs: enteredMs,
      resolvedMs: imp.open ? undefined : nowMs - DAY,
      extra: {
        description: adf('Something outside the team stops the work.'),
        [FIELD.escalationLevel]: option && {
          self: `${SITE_URL}/rest/api/3/customFieldOption/${option.id}`,
          value: option.value,
          id: option.id,
        },
      },
    });
    if (key !== imp.key) throw new Error(`demo impediment key drifted: ${key} != ${imp.key}`);
    b.properties[key] = { 'metascrum.escalation': { version: 1, history } };
  }
}

function copyPermissions(p: {
  readonly TRANSITION_ISSUES?: readonly string[];
  readonly SCHEDULE_ISSUES?: readonly string[];
}): NonNullable<Dataset['users'][number]['permissions']> {
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, [...v]]));
}
const SECURED = DEMO_FACTS.securedIssue;
/** Jira's `security` field value for the secured demo issue. */
const securityOf = (key: string) =>
  key === SECURED.key
    ? { security: { self: `${SITE_URL}/rest/api/3/securitylevel/${SECURED.level.id}`, ...SECURED.level } }
    : {};

const USERS: Dataset['users'] = Object.entries(DEMO_FACTS.users).map(([accountId, u]) => ({
  accountId,
  displayName:
    {
      admin: 'Ada Admin',
      cpo: 'Chris Product (CPO)',
      'po-pay': 'Pat Payments (PO)',
      'dev-mob': 'Mo Mobile (Dev)',
      outsider: 'Oscar Outsider',
    }[accountId] ?? accountId,
  emailAddress: `${accountId}@metascrum-demo.example`,
  active: true,
  admin: u.admin,
  browse: u.browse === '*' ? '*' : [...u.browse],
  ...('permissions' in u ? { permissions: copyPermissions(u.permissions) } : {}),
  securityLevels: SECURED.members.some((m) => m === accountId) ? [SECURED.level.id] : [],
}));

/**
 * Groups a ladder level can be owned by (picked on the admin page); ids are stable, names are labels,
 * as in Jira.
 */
const GROUPS: Dataset['groups'] = [
  {
    groupId: '7d1f0c2a-5b6e-4c1d-9a01-000000000001',
    name: 'scrum-of-scrums',
    members: ['cpo', 'po-pay', 'dev-mob'],
  },
  {
    groupId: '7d1f0c2a-5b6e-4c1d-9a01-000000000002',
    name: 'executive-action-team',
    members: ['admin', 'cpo'],
  },
  { groupId: '7d1f0c2a-5b6e-4c1d-9a01-000000000003', name: 'metascrum', members: ['cpo', 'po-pay'] },
  { groupId: '7d1f0c2a-5b6e-4c1d-9a01-000000000004', name: 'jira-administrators', members: ['admin'] },
];

/**
 * The demo program: 5 teams, 40 epics, 400 backlog items, deterministic (DATASET.md lists its facts).
 * Every date is an offset from `now`: tests use the fixed DEMO_NOW, and the preview passes the moment
 * it starts, so the demo's sprints, horizons and SLAs look the same whatever day it is.
 * `legacySite` adds the long-lived site's teams LEG and OLD (legacy-site.ts: both story-point fields,
 * Epic Link, a flagged item, "depends upon", a board with no active sprint); the preview shows them,
 * while the tests' demo and dev/data/demo-program.json keep the five teams their numbers are about.
 */
export function demoProgram(now: string = DEMO_NOW, options: { legacySite?: boolean } = {}): Dataset {
  const nowMs = Date.parse(now);
  if (Number.isNaN(nowMs)) throw new Error(`demoProgram: now must be an ISO date-time, got "${now}"`);
  const b = new ProgramBuilder(nowMs);
  DEMO_TEAMS.forEach((t, teamIndex) => {
    const team = b.addTeam(t.key, t.name, t.cadenceWeeks, t.activeStartedDaysAgo);
    EPIC_THEMES.forEach((theme, e) => {
      const hasJobSize = !(t.key === 'PLAT' && e === 7);
      b.addIssue({
        team,
        type: ISSUE_TYPES.epic,
        summary: `${t.name} ${theme}`,
        status: e === 7 ? 'todo' : 'inProgress',
        createdMs: nowMs - (120 - e) * DAY,
        updatedMs: nowMs - (10 + e) * DAY,
        extra: {
          description: adf(`${theme} for ${t.name}.`),
          [FIELD.businessValue]: WSJF[(e + teamIndex) % 8],
          [FIELD.timeCriticality]: WSJF[(e + 3) % 8],
          [FIELD.riskReduction]: WSJF[(e * 3 + teamIndex) % 8],
          ...(hasJobSize ? { [FIELD.jobSize]: WSJF[(e + 5) % 8] } : {}),
          ...securityOf(`${t.key}-${e + 1}`),
        },
      });
    });
    addStories(b, team, teamIndex, nowMs);
    addSubtasks(b, team, nowMs);
  });
  for (const team of b.teams) addImpediments(b, team, nowMs);
  const [c0, c1, c2] = DEMO_FACTS.cycle;
  for (const [from, to] of [
    [c0, c1],
    [c1, c2],
    [c2, c0],
  ] as const)
    b.link(from, to);
  for (const [from, to] of [...DEMO_FACTS.conflicts, ...DEMO_FACTS.atRisk, ...DEMO_FACTS.healthy])
    b.link(from, to);
  b.link(DEMO_FACTS.donePrerequisite[0], DEMO_FACTS.donePrerequisite[1]);
  b.link(DEMO_FACTS.impedimentBlocks[0], DEMO_FACTS.impedimentBlocks[1]);
  b.link(DEMO_FACTS.relates[0], DEMO_FACTS.relates[1], LINK_TYPES.relates);
  b.link(DEMO_FACTS.duplicate[0], DEMO_FACTS.duplicate[1], LINK_TYPES.duplicate);
  if (!options.legacySite) return loadDataset(b.build(USERS, GROUPS));
  addLegacyTeams(b, nowMs);
  return applyLegacySite(loadDataset(b.build(USERS, GROUPS)));
}
