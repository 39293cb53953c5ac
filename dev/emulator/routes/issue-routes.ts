import { z } from 'zod';
import { canEdit } from '../access/caller';
import { JiraError, jiraErrors } from '../http/jira-error';
import { parseInput } from '../http/parse-body';
import { noContent, ok, type Route, type RouteContext } from '../http/router';
import { applyEdit, storedFieldValue } from '../state/field-values';
import { parseFieldSelection, renderIssue } from '../state/issue-view';
import { rankBetween } from '../state/rank';
import { rawJson } from '../state/rendered-issues';

const ISSUES_OPEN = Buffer.from('{"issues":[');
const COMMA = Buffer.from(',');
import { RANK_FIELD, issueFacts, jiraTimestamp, type StoredIssue } from '../state/stored-issue';
import { editableIssue, visibleIssue } from './visible-issue';

const BulkFetchInput = z.looseObject({
  // Jira's documented limit, refused as a field error naming the list.
  issueIdsOrKeys: z.array(z.string()).min(1).max(100, 'You can request up to 100 issues.'),
  fields: z.array(z.string()).optional(),
  properties: z.array(z.string()).optional(),
});

const UpdateOp = z.looseObject({
  set: z.unknown().optional(),
  add: z.unknown().optional(),
  remove: z.unknown().optional(),
});
const EditInput = z.looseObject({
  fields: z.record(z.string(), z.unknown()).default({}),
  update: z.record(z.string(), z.array(UpdateOp)).default({}),
});

const CreateInput = z.looseObject({
  fields: z.looseObject({
    project: z.looseObject({ key: z.string().optional(), id: z.string().optional() }),
    issuetype: z.looseObject({ id: z.string().optional(), name: z.string().optional() }),
    summary: z.string().min(1, 'You must specify a summary of the issue.'),
  }),
});

function bulkFetch(ctx: RouteContext) {
  const input = parseInput(BulkFetchInput, ctx.body);
  const sel = parseFieldSelection(input.fields, '*navigable');
  const issues: unknown[] = [];
  const parts = [ISSUES_OPEN];
  const issueErrors: { id: string; errorMessage: string }[] = [];
  for (const keyOrId of input.issueIdsOrKeys) {
    try {
      const issue = visibleIssue(ctx, keyOrId);
      if (!ctx.rendered) {
        const opts = { properties: input.properties };
        issues.push(renderIssue(issue, sel, ctx.state, ctx.caller, ctx.baseUrl, opts));
        continue;
      }
      if (parts.length > 1) parts.push(COMMA);
      ctx.rendered.render(parts, issue, sel, ctx.caller, input.properties);
    } catch (err) {
      if (!(err instanceof JiraError)) throw err;
      issueErrors.push({ id: keyOrId, errorMessage: err.message });
    }
  }
  if (!ctx.rendered) return ok({ issues, issueErrors });
  parts.push(Buffer.from(`],"issueErrors":${JSON.stringify(issueErrors)}}`));
  return ok(rawJson(parts));
}

function createIssue(ctx: RouteContext) {
  const { state, caller, baseUrl } = ctx;
  const { fields } = parseInput(CreateInput, ctx.body);
  const project = state.projectByKeyOrId(fields.project.key ?? fields.project.id ?? '');
  if (!project || !canEdit(caller, project.key)) {
    throw new JiraError(400, [], { project: 'Specify a valid project ID or key' });
  }
  const scheme = state.schemeForProject(project.id);
  const type = state.issueTypes.find(
    (t) =>
      scheme.issueTypeIds.includes(t.id) &&
      (t.id === fields.issuetype.id || t.name === fields.issuetype.name),
  );
  if (!type) throw new JiraError(400, [], { issuetype: 'Specify a valid issue type' });
  const projectIssues = [...state.issues.values()].filter((i) => i.projectKey === project.key);
  const number = Math.max(0, ...projectIssues.map((i) => i.keyNumber)) + 1;
  const lastRank = [...state.issues.values()].reduce<string | undefined>(
    (max, i) => (max === undefined || issueFacts.rank(i) > max ? issueFacts.rank(i) : max),
    undefined,
  );
  const now = jiraTimestamp(state.now());
  const rest: Record<string, unknown> = { ...fields };
  delete rest.project;
  delete rest.issuetype;
  const issue: StoredIssue = {
    id: state.nextId(),
    key: `${project.key}-${number}`,
    keyNumber: number,
    projectKey: project.key,
    projectId: project.id,
    fields: {
      issuetype: { self: `${baseUrl}/rest/api/3/issuetype/${type.id}`, ...type },
      project: {
        self: `${baseUrl}/rest/api/3/project/${project.id}`,
        id: project.id,
        key: project.key,
        name: project.name,
      },
      status: {
        self: `${baseUrl}/rest/api/3/status/10000`,
        id: '10000',
        name: 'To Do',
        statusCategory: {
          self: `${baseUrl}/rest/api/3/statuscategory/2`,
          id: 2,
          key: 'new',
          colorName: 'blue-gray',
          name: 'To Do',
        },
      },
      created: now,
      updated: now,
      resolutiondate: null,
      [RANK_FIELD]: rankBetween(lastRank === '' ? undefined : lastRank, undefined),
    },
    properties: new Map(),
    comments: [],
  };
  for (const [field, value] of Object.entries(rest)) {
    const stored = storedFieldValue(state, field, value, baseUrl);
    if (stored !== undefined) issue.fields[field] = stored;
  }
  state.addIssue(issue);
  return ok({ id: issue.id, key: issue.key, self: `${baseUrl}/rest/api/3/issue/${issue.id}` }, 201);
}

export const issueRoutes: Route[] = [
  { method: 'POST', template: '/rest/api/3/issue/bulkfetch', handler: bulkFetch },
  { method: 'POST', template: '/rest/api/3/issue', handler: createIssue },
  {
    method: 'GET',
    template: '/rest/api/3/issue/{issueIdOrKey}',
    handler: (ctx) => {
      const issue = visibleIssue(ctx, ctx.params.issueIdOrKey);
      const sel = parseFieldSelection(ctx.query.fields?.split(','), '*all');
      const properties = ctx.query.properties?.split(',');
      return ok(renderIssue(issue, sel, ctx.state, ctx.caller, ctx.baseUrl, { properties }));
    },
  },
  {
    method: 'PUT',
    template: '/rest/api/3/issue/{issueIdOrKey}',
    handler: (ctx) => {
      const issue = editableIssue(ctx, ctx.params.issueIdOrKey);
      const input = parseInput(EditInput, ctx.body ?? {});
      if ('project' in input.fields || 'issuetype' in input.fields) {
        throw jiraErrors.badRequest(
          'Moving issues to another project or type is not supported by this operation.',
        );
      }
      applyEdit(ctx.state, issue, input.fields, input.update, ctx.baseUrl);
      return noContent();
    },
  },
];
