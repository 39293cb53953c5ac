import { z } from 'zod';
import { canBrowse, canEdit, canSeeIssue } from '../access/caller';
import type { DatasetBoard } from '../dataset/schema';
import { jiraErrors } from '../http/jira-error';
import { parseInput } from '../http/parse-body';
import { noContent, ok, type Route, type RouteContext } from '../http/router';
import { ranksBetween } from '../state/rank';
import { RANK_FIELD, issueFacts, type StoredIssue } from '../state/stored-issue';

function renderBoard(baseUrl: string, b: DatasetBoard, projectName: string) {
  const { projectId, projectKey } = b.location;
  return {
    id: b.id,
    self: `${baseUrl}/rest/agile/1.0/board/${b.id}`,
    name: b.name,
    type: b.type,
    location: {
      projectId,
      projectKey,
      projectName,
      displayName: `${projectName} (${projectKey})`,
      projectTypeKey: 'software',
      name: `${projectName} (${projectKey})`,
    },
  };
}

/**
 * `GET /rest/agile/1.0/board/{boardId}/configuration` as Jira Software answers it: the board's filter,
 * columns, estimation (the field its team estimates with) and rank field. The location is spelt as the
 * spec declares it (`type`, `projectKeyOrId`).
 */
function renderBoardConfiguration(baseUrl: string, b: DatasetBoard) {
  return {
    id: b.id,
    name: b.name,
    type: b.type,
    self: `${baseUrl}/rest/agile/1.0/board/${b.id}/configuration`,
    location: { type: 'project', projectKeyOrId: String(b.location.projectId) },
    filter: { id: String(10000 + b.id), self: `${baseUrl}/rest/api/3/filter/${10000 + b.id}` },
    columnConfig: {
      columns: [
        { name: 'To Do', statuses: [] },
        { name: 'In Progress', statuses: [] },
        { name: 'Done', statuses: [] },
      ],
      constraintType: 'none',
    },
    estimation: b.estimation ?? { type: 'issueCount' },
    ranking: { rankCustomFieldId: Number(RANK_FIELD.replace('customfield_', '')) },
  };
}

function agilePage<T>(all: readonly T[], query: Record<string, string>) {
  const startAt = Math.max(0, Number(query.startAt ?? 0) || 0);
  const maxResults = Math.max(1, Math.min(Number(query.maxResults ?? 50) || 50, 50));
  const values = all.slice(startAt, startAt + maxResults);
  return { maxResults, startAt, isLast: startAt + values.length >= all.length, values };
}

function visibleBoards(ctx: RouteContext): DatasetBoard[] {
  return ctx.state.boards.filter((b) => canBrowse(ctx.caller, b.location.projectKey));
}

const RankInput = z.looseObject({
  issues: z.array(z.string()).min(1),
  rankBeforeIssue: z.string().optional(),
  rankAfterIssue: z.string().optional(),
  rankCustomFieldId: z.number().int().optional(),
});

interface RankEntry {
  issueId: number;
  issueKey: string;
  status: number;
  errors?: string[];
}

/** `PUT /rest/agile/1.0/issue/rank`: moves the issues, in the given order, next to the anchor issue. */
function rankIssues(ctx: RouteContext) {
  const input = parseInput(RankInput, ctx.body);
  if (input.issues.length > 50) throw jiraErrors.badRequest('Only 50 issues can be ranked at once.');
  const anchorRef = input.rankBeforeIssue ?? input.rankAfterIssue;
  if (
    anchorRef === undefined ||
    (input.rankBeforeIssue !== undefined && input.rankAfterIssue !== undefined)
  ) {
    throw jiraErrors.badRequest('Exactly one of rankBeforeIssue and rankAfterIssue must be given.');
  }
  if (input.rankCustomFieldId !== undefined && `customfield_${input.rankCustomFieldId}` !== RANK_FIELD) {
    throw jiraErrors.badRequest(`The rank field with id ${input.rankCustomFieldId} does not exist.`);
  }
  const anchor = ctx.state.issueByKeyOrId(anchorRef);
  if (!anchor || !canSeeIssue(ctx.caller, anchor)) {
    throw jiraErrors.badRequest(
      `Issue '${anchorRef}' does not exist or you do not have permission to see it.`,
    );
  }
  const entries: RankEntry[] = [];
  const moving: StoredIssue[] = [];
  for (const ref of input.issues) {
    const issue = ctx.state.issueByKeyOrId(ref);
    if (!issue || !canSeeIssue(ctx.caller, issue)) {
      entries.push({
        issueId: 0,
        issueKey: ref,
        status: 404,
        errors: ['Issue does not exist or you do not have permission to see it.'],
      });
    } else if (!canEdit(ctx.caller, issue.projectKey)) {
      entries.push({
        issueId: Number(issue.id),
        issueKey: issue.key,
        status: 403,
        errors: ['You do not have permission to rank this issue.'],
      });
    } else if (issue.id === anchor.id) {
      entries.push({
        issueId: Number(issue.id),
        issueKey: issue.key,
        status: 400,
        errors: ['An issue cannot be ranked relative to itself.'],
      });
    } else if (!moving.includes(issue)) {
      moving.push(issue);
      entries.push({ issueId: Number(issue.id), issueKey: issue.key, status: 200 });
    }
  }
  const anchorRank = issueFacts.rank(anchor);
  let neighbour: string | undefined;
  for (const other of ctx.state.issues.values()) {
    if (moving.includes(other)) continue;
    const r = issueFacts.rank(other);
    if (input.rankBeforeIssue !== undefined && r < anchorRank && (neighbour === undefined || r > neighbour))
      neighbour = r;
    if (input.rankAfterIssue !== undefined && r > anchorRank && (neighbour === undefined || r < neighbour))
      neighbour = r;
  }
  const ranks =
    input.rankBeforeIssue !== undefined
      ? ranksBetween(neighbour, anchorRank, moving.length)
      : ranksBetween(anchorRank, neighbour, moving.length);
  moving.forEach((issue, i) => (issue.fields[RANK_FIELD] = ranks[i]));
  return entries.every((e) => e.status === 200) ? noContent() : ok({ entries }, 207);
}

export const agileRoutes: Route[] = [
  {
    method: 'GET',
    template: '/rest/agile/1.0/board',
    handler: (ctx) => {
      const ref = ctx.query.projectKeyOrId;
      const boards = visibleBoards(ctx).filter(
        (b) =>
          ref === undefined ||
          b.location.projectKey === ref.toUpperCase() ||
          String(b.location.projectId) === ref,
      );
      const page = agilePage(boards, ctx.query);
      const name = (b: DatasetBoard) =>
        ctx.state.projectByKeyOrId(b.location.projectKey)?.name ?? b.location.projectKey;
      return ok({
        ...page,
        total: boards.length,
        values: page.values.map((b) => renderBoard(ctx.baseUrl, b, name(b))),
      });
    },
  },
  {
    method: 'GET',
    template: '/rest/agile/1.0/board/{boardId}/sprint',
    handler: (ctx) => {
      const board = visibleBoards(ctx).find((b) => String(b.id) === ctx.params.boardId);
      if (!board) throw jiraErrors.notFound('Board does not exist or you do not have permission to see it.');
      const states = ctx.query.state?.split(',').map((s) => s.trim().toLowerCase());
      const sprints = ctx.state.sprints
        .filter((s) => (s.boardId ?? s.originBoardId) === board.id)
        .filter((s) => !states || states.includes(s.state));
      const page = agilePage(sprints, ctx.query);
      const values = page.values.map(
        ({ id, name, state, startDate, endDate, completeDate, originBoardId, goal }) => ({
          id,
          self: `${ctx.baseUrl}/rest/agile/1.0/sprint/${id}`,
          state,
          name,
          ...(startDate === undefined ? {} : { startDate }),
          ...(endDate === undefined ? {} : { endDate }),
          ...(completeDate === undefined ? {} : { completeDate }),
          originBoardId,
          goal: goal ?? '',
        }),
      );
      return ok({ ...page, values });
    },
  },
  {
    method: 'GET',
    template: '/rest/agile/1.0/board/{boardId}/configuration',
    handler: (ctx) => {
      const board = visibleBoards(ctx).find((b) => String(b.id) === ctx.params.boardId);
      if (!board) throw jiraErrors.notFound('Board does not exist or you do not have permission to see it.');
      return ok(renderBoardConfiguration(ctx.baseUrl, board));
    },
  },
  { method: 'PUT', template: '/rest/agile/1.0/issue/rank', handler: rankIssues },
];
