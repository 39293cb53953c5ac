/**
 * A long-lived company-managed site, as issue 10 found real ones: both story-point fields, with the
 * board estimating with (and the team filling) the older "Story Points"; stories tied to their epic
 * through Epic Link only; an item flagged "Impediment"; a custom dependency type phrased "depends upon";
 * and a second board with no active sprint whose last sprint closed years ago. Kept apart from the demo
 * program, so the demo's documented answers stay as they are.
 */
import type { Dataset } from '../dataset/schema';
import { loadDataset } from '../dataset/load-dataset';
import { DEMO_NOW } from './demo-facts';
import { FIELDS, ISSUE_TYPES, LINK_TYPES, SITE_URL } from './jira-catalog';
import { DAY, ProgramBuilder, type Team, type TeamSprint } from './program-builder';

export const LEGACY_FIELD = {
  storyPoints: 'customfield_10026',
  epicLink: 'customfield_10014',
  flagged: 'customfield_10021',
} as const;

export const DEPENDS_UPON = {
  id: '10100',
  name: 'Dependency',
  outward: 'is depended upon by',
  inward: 'depends upon',
} as const;

const CF = 'com.atlassian.jira.plugin.system.customfieldtypes:';
const legacyFields = [
  ...FIELDS,
  {
    id: LEGACY_FIELD.storyPoints,
    key: LEGACY_FIELD.storyPoints,
    name: 'Story Points',
    custom: true,
    schema: { type: 'number', custom: `${CF}float`, customId: 10026 },
  },
  {
    id: LEGACY_FIELD.epicLink,
    key: LEGACY_FIELD.epicLink,
    name: 'Epic Link',
    custom: true,
    schema: { type: 'any', custom: 'com.pyxis.greenhopper.jira:gh-epic-link', customId: 10014 },
  },
  {
    id: LEGACY_FIELD.flagged,
    key: LEGACY_FIELD.flagged,
    name: 'Flagged',
    custom: true,
    schema: { type: 'array', items: 'option', custom: `${CF}multicheckboxes`, customId: 10021 },
  },
];

const FLAG = [{ self: `${SITE_URL}/rest/api/3/customFieldOption/10019`, value: 'Impediment', id: '10019' }];

/** Facts tests assert on (keys in creation order). */
export const LEGACY_FACTS = {
  epic: 'LEG-1',
  /** Stories in Epic Link only, pointed in "Story Points": LEG-2..LEG-4. */
  stories: ['LEG-2', 'LEG-3', 'LEG-4'],
  points: [5, 3, 8],
  flagged: 'LEG-3',
  /** LEG-4 (in LEG's active sprint) depends upon OLD-2 (held as "OLD-2 is depended upon by LEG-4"). */
  dependency: ['OLD-2', 'LEG-4'],
  /** OLD's board has no active sprint; its future sprint is undated. */
  undatedSprint: 'OLD Sprint 7',
} as const;

function story(
  b: ProgramBuilder,
  team: Team,
  summary: string,
  nowMs: number,
  extra: Record<string, unknown>,
  sprints: TeamSprint[] = [],
) {
  return b.addIssue({
    team,
    sprints,
    type: ISSUE_TYPES.story,
    summary,
    status: 'todo',
    createdMs: nowMs - 20 * DAY,
    updatedMs: nowMs - DAY,
    extra,
  });
}

/** LEG and OLD with their issues and the "depends upon" link, added to a program being built. */
export function addLegacyTeams(b: ProgramBuilder, nowMs: number): void {
  const leg = b.addTeam('LEG', 'Legacy', 2, 3);
  const old = b.addTeam('OLD', 'Old Board', 2, 3);
  b.addIssue({
    team: leg,
    type: ISSUE_TYPES.epic,
    summary: 'Legacy epic',
    status: 'inProgress',
    createdMs: nowMs - 60 * DAY,
    updatedMs: nowMs - DAY,
  });
  LEGACY_FACTS.stories.forEach((_, i) =>
    story(
      b,
      leg,
      `Legacy story ${i + 1}`,
      nowMs,
      {
        description: {
          type: 'doc',
          version: 1,
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Why.' }] }],
        },
        [LEGACY_FIELD.storyPoints]: LEGACY_FACTS.points[i],
        [LEGACY_FIELD.epicLink]: LEGACY_FACTS.epic,
        ...(i === 1 ? { [LEGACY_FIELD.flagged]: FLAG } : {}),
      },
      i === 2 ? leg.sprints.filter((sprint) => sprint.state === 'active') : [],
    ),
  );
  story(b, old, 'Old board story 1', nowMs, {});
  story(b, old, 'Old board story 2', nowMs, { [LEGACY_FIELD.storyPoints]: 2 });
  b.link(LEGACY_FACTS.dependency[0], LEGACY_FACTS.dependency[1], DEPENDS_UPON);
}

/**
 * What the builder cannot say about LEG and OLD: OLD's board has no active sprint (its sprints closed in
 * 2021, one undated future sprint), the site also has "Story Points", Epic Link and Flagged, the custom
 * "depends upon" type, and both teams' boards estimate with "Story Points".
 */
export function applyLegacySite(dataset: Dataset): Dataset {
  const oldBoard = dataset.boards.find((b) => b.location.projectKey === 'OLD')?.id;
  const legacyBoards = new Set(
    dataset.boards.filter((b) => ['LEG', 'OLD'].includes(b.location.projectKey ?? '')).map((b) => b.id),
  );
  if (oldBoard === undefined) throw new Error('applyLegacySite: the dataset has no OLD board');
  const closed = (id: number, name: string, start: string, end: string) => ({
    id,
    name,
    state: 'closed' as const,
    boardId: oldBoard,
    originBoardId: oldBoard,
    startDate: `${start}T09:00:00.000Z`,
    endDate: `${end}T09:00:00.000Z`,
    completeDate: `${end}T09:00:00.000Z`,
    goal: '',
  });
  dataset.sprints = dataset.sprints
    .filter((s) => s.originBoardId !== oldBoard)
    .concat([
      closed(901, 'OLD Sprint 5', '2021-03-01', '2021-03-15'),
      closed(902, 'OLD Sprint 6', '2021-03-15', '2021-03-29'),
      {
        id: 903,
        name: LEGACY_FACTS.undatedSprint,
        state: 'future',
        boardId: oldBoard,
        originBoardId: oldBoard,
        goal: '',
      },
    ]);
  const undated = { id: 903, name: LEGACY_FACTS.undatedSprint, state: 'future', boardId: oldBoard };
  for (const issue of dataset.issues) {
    if (issue.key.startsWith('OLD-'))
      issue.fields[FIELDS.find((f) => f.name === 'Sprint')?.id ?? ''] = [undated];
  }
  const known = new Set(dataset.fields.map((f) => f.id));
  dataset.fields = [...dataset.fields, ...legacyFields.filter((f) => !known.has(f.id))];
  if (!dataset.issueLinkTypes.some((t) => t.id === DEPENDS_UPON.id))
    dataset.issueLinkTypes = [...dataset.issueLinkTypes, DEPENDS_UPON];
  dataset.boards = dataset.boards.map((board) =>
    legacyBoards.has(board.id)
      ? {
          ...board,
          estimation: {
            type: 'field',
            field: { fieldId: LEGACY_FIELD.storyPoints, displayName: 'Story Points' },
          },
        }
      : board,
  );
  return dataset;
}

export function legacySiteProgram(): Dataset {
  const nowMs = Date.parse(DEMO_NOW);
  const b = new ProgramBuilder(nowMs);
  addLegacyTeams(b, nowMs);
  const raw = b.build([
    {
      accountId: 'admin',
      displayName: 'Ada Admin',
      emailAddress: 'admin@legacy.example',
      active: true,
      admin: true,
      browse: '*',
    },
  ]);
  const dataset = loadDataset(raw);
  dataset.fields = legacyFields;
  dataset.issueLinkTypes = [...Object.values(LINK_TYPES), DEPENDS_UPON];
  return applyLegacySite(dataset);
}
