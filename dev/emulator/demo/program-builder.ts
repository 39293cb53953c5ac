import type { Dataset } from '../dataset/schema';
import { initialRanks } from '../state/rank';
import {
  ESCALATION_LEVELS,
  FIELD,
  FIELDS,
  ISSUE_TYPES,
  LINK_TYPES,
  SITE_URL,
  STATUSES,
} from './jira-catalog';

const DAY = 86_400_000;
type Json = Record<string, unknown>;
type IssueType = (typeof ISSUE_TYPES)[keyof typeof ISSUE_TYPES];
type LinkType = { id: string; name: string; inward: string; outward: string };

export interface TeamSprint {
  id: number;
  name: string;
  state: 'closed' | 'active' | 'future';
  boardId: number;
  originBoardId: number;
  startDate: string;
  endDate: string;
  completeDate?: string;
}

export interface Team {
  key: string;
  name: string;
  projectId: string;
  boardId: number;
  /** closed..., active, future... in time order. */
  sprints: TeamSprint[];
  nextNumber: number;
}

export interface IssueSpec {
  team: Team;
  type: IssueType;
  summary: string;
  status: keyof typeof STATUSES;
  parentKey?: string;
  sprints?: TeamSprint[];
  createdMs: number;
  updatedMs: number;
  resolvedMs?: number;
  extra?: Json;
}

export const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');
const sprintIso = (ms: number) => new Date(ms).toISOString();

/** Builds a Jira-shaped program deterministically; ids and keys follow creation order. */
export class ProgramBuilder {
  readonly teams: Team[] = [];
  private readonly issues: { id: string; key: string; self: string; fields: Json }[] = [];
  private readonly byKey = new Map<string, { id: string; key: string; fields: Json }>();
  private readonly links: { from: string; to: string; type: LinkType }[] = [];
  readonly properties: Record<string, Record<string, unknown>> = {};
  private nextIssueId = 10001;

  constructor(readonly nowMs: number) {}

  /** A team = a project + a scrum board + 3 closed, 1 active, 2 future sprints of its cadence. */
  addTeam(key: string, name: string, cadenceWeeks: number, activeStartedDaysAgo: number): Team {
    const index = this.teams.length + 1;
    const length = cadenceWeeks * 7 * DAY;
    const activeStart = this.nowMs - activeStartedDaysAgo * DAY;
    const states = ['closed', 'closed', 'closed', 'active', 'future', 'future'] as const;
    const sprints = states.map((state, i) => {
      const start = activeStart + (i - 3) * length;
      return {
        id: index * 100 + i + 1,
        name: `${key} Sprint ${i + 1}`,
        state,
        boardId: index,
        originBoardId: index,
        startDate: sprintIso(start),
        endDate: sprintIso(start + length),
        ...(state === 'closed' ? { completeDate: sprintIso(start + length) } : {}),
      };
    });
    const team = { key, name, projectId: String(10000 + index), boardId: index, sprints, nextNumber: 1 };
    this.teams.push(team);
    return team;
  }

  addIssue(spec: IssueSpec): string {
    const { team } = spec;
    const id = String(this.nextIssueId++);
    const key = `${team.key}-${team.nextNumber++}`;
    const parent = spec.parentKey === undefined ? undefined : this.byKey.get(spec.parentKey);
    const fields: Json = {
      summary: spec.summary,
      issuetype: { self: `${SITE_URL}/rest/api/3/issuetype/${spec.type.id}`, ...spec.type },
      project: {
        self: `${SITE_URL}/rest/api/3/project/${team.projectId}`,
        id: team.projectId,
        key: team.key,
        name: team.name,
      },
      status: STATUSES[spec.status],
      created: iso(spec.createdMs),
      updated: iso(spec.updatedMs),
      resolutiondate: spec.resolvedMs === undefined ? null : iso(spec.resolvedMs),
      ...(parent
        ? {
            parent: {
              id: parent.id,
              key: parent.key,
              self: `${SITE_URL}/rest/api/3/issue/${parent.id}`,
              fields: {
                summary: parent.fields.summary,
                status: parent.fields.status,
                issuetype: parent.fields.issuetype,
              },
            },
          }
        : {}),
      ...(spec.sprints && spec.sprints.length > 0
        ? { [FIELD.sprint]: spec.sprints.map(({ originBoardId: _o, ...s }) => ({ ...s, goal: '' })) }
        : {}),
      ...spec.extra,
    };
    const issue = { id, key, self: `${SITE_URL}/rest/api/3/issue/${id}`, fields };
    this.issues.push(issue);
    this.byKey.set(key, issue);
    return key;
  }

  link(from: string, to: string, type: LinkType = LINK_TYPES.blocks): void {
    this.links.push({ from, to, type });
  }

  /** The raw dataset (parse it with loadDataset); links on both issues as Jira shows them, ranks in creation order. */
  build(users: Dataset['users'], groups: Dataset['groups'] = []): unknown {
    const ranks = initialRanks(this.issues.length);
    this.issues.forEach((issue, i) => (issue.fields[FIELD.rank] = ranks[i]));
    this.links.forEach((link, i) => {
      const from = this.byKey.get(link.from);
      const to = this.byKey.get(link.to);
      if (!from || !to) throw new Error(`link ${link.from} -> ${link.to}: unknown issue`);
      const id = String(20001 + i);
      const type = { ...link.type, self: `${SITE_URL}/rest/api/3/issueLinkType/${link.type.id}` };
      const ref = (issue: { id: string; key: string; fields: Json }) => ({
        id: issue.id,
        key: issue.key,
        self: `${SITE_URL}/rest/api/3/issue/${issue.id}`,
        fields: {
          summary: issue.fields.summary,
          status: issue.fields.status,
          issuetype: issue.fields.issuetype,
        },
      });
      const push = (issue: { fields: Json }, entry: Json) => {
        const list: unknown[] = [];
        if (Array.isArray(issue.fields.issuelinks)) for (const l of issue.fields.issuelinks) list.push(l);
        issue.fields.issuelinks = [...list, entry];
      };
      push(from, { id, self: `${SITE_URL}/rest/api/3/issueLink/${id}`, type, outwardIssue: ref(to) });
      push(to, { id, self: `${SITE_URL}/rest/api/3/issueLink/${id}`, type, inwardIssue: ref(from) });
    });
    return {
      issues: this.issues.map((i) => ({ ...i, fields: { issuelinks: [], ...i.fields } })),
      projects: this.teams.map((t) => ({
        id: t.projectId,
        key: t.key,
        name: t.name,
        projectTypeKey: 'software',
      })),
      boards: this.teams.map((t) => ({
        id: t.boardId,
        name: `${t.key} board`,
        type: 'scrum',
        location: { projectId: Number(t.projectId), projectKey: t.key, projectName: t.name },
        estimation: {
          type: 'field',
          field: { fieldId: FIELD.storyPoints, displayName: 'Story point estimate' },
        },
      })),
      sprints: this.teams.flatMap((t) => t.sprints.map((s) => ({ ...s, goal: '' }))),
      fields: FIELDS,
      issueLinkTypes: Object.values(LINK_TYPES),
      issueTypes: Object.values(ISSUE_TYPES),
      users,
      groups,
      issueProperties: this.properties,
      fieldContexts: [
        {
          fieldId: FIELD.escalationLevel,
          id: '10200',
          name: 'Default Configuration Scheme for Escalation level',
          options: ESCALATION_LEVELS,
        },
      ],
      issueTypeSchemes: [],
    };
  }
}

export { DAY };
