/**
 * Small Jira-shaped programs for engine tests: issues as `search/jql` returns them, with the demo
 * site's field catalog, so the engine discovers fields by name as it would on a real site.
 */
import { FIELD, FIELDS } from '../../dev/emulator/demo/jira-catalog';
import type { ProgramInput } from '../../src/domain/analyse-program';

export const NOW = '2026-11-20T09:00:00.000Z';
const DAY = 86_400_000;
const NOW_MS = Date.parse(NOW);

export interface SprintJson {
  id: number;
  name: string;
  state: 'active' | 'closed' | 'future';
  startDate: string;
  endDate: string;
  boardId: number;
}

/** A sprint starting `startDay` days from NOW and lasting `days`. */
export function sprint(id: number, state: SprintJson['state'], startDay: number, days = 14): SprintJson {
  return {
    id,
    name: `Sprint ${id}`,
    state,
    boardId: 1,
    startDate: new Date(NOW_MS + startDay * DAY).toISOString(),
    endDate: new Date(NOW_MS + (startDay + days) * DAY).toISOString(),
  };
}

export interface IssueSpec {
  key: string;
  type?: 'Story' | 'Epic' | 'Sub-task' | 'Impediment';
  status?: 'new' | 'indeterminate' | 'done';
  parent?: string;
  points?: number;
  /** Sprint-field entries: sprint objects (or anything odd, to test leniency). */
  sprints?: unknown[];
  rank?: string;
  wsjf?: [number, number, number, number];
  noDescription?: boolean;
  /** Resolution date (ISO), for done items that make a team's velocity. */
  resolved?: string;
  /** Jira `duedate`, `YYYY-MM-DD`. */
  due?: string;
  /** Release dates of the issue's fix versions, `YYYY-MM-DD`. */
  fixVersionReleases?: string[];
}

const adf = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

const LEVEL = { Story: 0, Epic: 1, 'Sub-task': -1, Impediment: 0 } as const;

function jiraIssue(spec: IssueSpec, issuelinks: unknown[]) {
  const type = spec.type ?? 'Story';
  const category = spec.status ?? 'new';
  const fields: Record<string, unknown> = {
    summary: `Summary of ${spec.key}`,
    issuetype: { name: type, hierarchyLevel: LEVEL[type] },
    status: { name: category, statusCategory: { key: category } },
    project: { key: spec.key.slice(0, spec.key.lastIndexOf('-')) },
    created: '2026-10-01T09:00:00.000+0000',
    issuelinks,
    [FIELD.acceptanceCriteria]: 'Works.',
  };
  if (!spec.noDescription) fields.description = adf(`Description of ${spec.key}`);
  if (spec.parent) fields.parent = { key: spec.parent };
  if (spec.points !== undefined) fields[FIELD.storyPoints] = spec.points;
  if (spec.sprints) fields[FIELD.sprint] = spec.sprints;
  if (spec.rank) fields[FIELD.rank] = spec.rank;
  if (spec.resolved) fields.resolutiondate = spec.resolved;
  if (spec.due) fields.duedate = spec.due;
  if (spec.fixVersionReleases)
    fields.fixVersions = spec.fixVersionReleases.map((releaseDate, i) => ({
      id: String(i + 1),
      name: `v${i + 1}`,
      releaseDate,
    }));
  if (spec.wsjf) {
    [FIELD.businessValue, FIELD.timeCriticality, FIELD.riskReduction, FIELD.jobSize].forEach((id, i) => {
      fields[id] = spec.wsjf?.[i];
    });
  }
  return { id: spec.key, key: spec.key, fields };
}

const BLOCKS = { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' };

/** A program from issue specs and `[prerequisite, dependant]` Blocks links (listed on both issues). */
export function program(
  specs: readonly IssueSpec[],
  blocks: ReadonlyArray<readonly [string, string]> = [],
): ProgramInput {
  const linkLists = new Map<string, unknown[]>(specs.map((spec) => [spec.key, []]));
  blocks.forEach(([from, to], n) => {
    const id = String(90000 + n);
    linkLists.get(from)?.push({ id, type: BLOCKS, outwardIssue: { key: to } });
    linkLists.get(to)?.push({ id, type: BLOCKS, inwardIssue: { key: from } });
  });
  const issues = specs.map((spec) => jiraIssue(spec, linkLists.get(spec.key) ?? []));
  return { issues, fields: FIELDS, issueLinkTypes: [BLOCKS] };
}

/** Open stories `<key>` with the given points, no sprint. */
export const stories = (...keys: string[]): IssueSpec[] => keys.map((key) => ({ key, points: 1 }));
