import { z } from 'zod';
import { isAdmin } from '../access/caller';
import type { DatasetIssueType } from '../dataset/schema';
import { JiraError, jiraErrors } from '../http/jira-error';
import { parseInput } from '../http/parse-body';
import { noContent, ok, type Route, type RouteContext } from '../http/router';
import { DEFAULT_SCHEME_ID } from '../state/emulator-state';
import { offsetPage } from './paging';

export function renderIssueType(baseUrl: string, t: DatasetIssueType) {
  return {
    self: `${baseUrl}/rest/api/3/issuetype/${t.id}`,
    id: t.id,
    description: t.description ?? '',
    iconUrl: `${baseUrl}/images/icons/issuetypes/${t.id}.svg`,
    name: t.name,
    subtask: t.subtask ?? (t.hierarchyLevel ?? 0) < 0,
    hierarchyLevel: t.hierarchyLevel ?? 0,
    // A team-managed project's own type carries its scope; the site's (global) types have none.
    ...(typeof t.scopeProjectId === 'string'
      ? { scope: { type: 'PROJECT', project: { id: t.scopeProjectId } } }
      : {}),
  };
}

function requireAdmin(ctx: RouteContext): void {
  if (!isAdmin(ctx.caller))
    throw jiraErrors.forbidden('You do not have permission to perform this operation.');
}

const CreateType = z.looseObject({
  name: z.string().min(1).max(60),
  description: z.string().optional(),
  type: z.enum(['subtask', 'standard']).optional(),
  hierarchyLevel: z.number().int().optional(),
});

const AddTypes = z.looseObject({ issueTypeIds: z.array(z.string()).min(1) });

export const issueTypeRoutes: Route[] = [
  {
    method: 'GET',
    template: '/rest/api/3/issuetype',
    handler: (ctx) => ok(ctx.state.issueTypes.map((t) => renderIssueType(ctx.baseUrl, t))),
  },
  {
    method: 'POST',
    template: '/rest/api/3/issuetype',
    handler: (ctx) => {
      requireAdmin(ctx);
      const input = parseInput(CreateType, ctx.body);
      // Team-managed projects' own types live apart from the site's: only a global type clashes.
      const clash = (t: DatasetIssueType) =>
        t.scopeProjectId === undefined && t.name.toLowerCase() === input.name.toLowerCase();
      if (ctx.state.issueTypes.some(clash)) {
        throw new JiraError(409, [], { name: 'An issue type with this name already exists.' });
      }
      const hierarchyLevel = input.hierarchyLevel ?? (input.type === 'subtask' ? -1 : 0);
      const type = {
        id: ctx.state.nextId(),
        name: input.name,
        description: input.description,
        hierarchyLevel,
        subtask: hierarchyLevel < 0,
      };
      ctx.state.issueTypes.push(type);
      ctx.state.schemes.find((s) => s.id === DEFAULT_SCHEME_ID)?.issueTypeIds.push(type.id);
      return ok(renderIssueType(ctx.baseUrl, type), 201);
    },
  },
  {
    method: 'GET',
    template: '/rest/api/3/issuetypescheme',
    handler: (ctx) => {
      requireAdmin(ctx);
      const all = ctx.state.schemes.map((s) => ({
        id: s.id,
        name: s.name,
        isDefault: s.isDefault,
        ...(s.issueTypeIds[0] === undefined ? {} : { defaultIssueTypeId: s.issueTypeIds[0] }),
      }));
      return ok(offsetPage(all, ctx.query));
    },
  },
  {
    method: 'GET',
    template: '/rest/api/3/issuetypescheme/project',
    handler: (ctx) => {
      requireAdmin(ctx);
      const projectIds = (ctx.query.projectId ?? '').split(',').filter((p) => p !== '');
      if (projectIds.length === 0) throw jiraErrors.badRequest('The projectId parameter is required.');
      const values = ctx.state.schemes.flatMap((s) => {
        const ids = projectIds.filter((id) => ctx.state.schemeForProject(id).id === s.id);
        return ids.length === 0
          ? []
          : [{ issueTypeScheme: { id: s.id, name: s.name, isDefault: s.isDefault }, projectIds: ids }];
      });
      return ok(offsetPage(values, ctx.query));
    },
  },
  {
    method: 'GET',
    template: '/rest/api/3/issuetypescheme/mapping',
    handler: (ctx) => {
      requireAdmin(ctx);
      const wanted = (ctx.query.issueTypeSchemeId ?? '').split(',').filter((id) => id !== '');
      const values = ctx.state.schemes
        .filter((s) => wanted.length === 0 || wanted.includes(s.id))
        .flatMap((s) => s.issueTypeIds.map((issueTypeId) => ({ issueTypeSchemeId: s.id, issueTypeId })));
      return ok(offsetPage(values, ctx.query));
    },
  },
  {
    method: 'PUT',
    template: '/rest/api/3/issuetypescheme/{issueTypeSchemeId}/issuetype',
    handler: (ctx) => {
      requireAdmin(ctx);
      const scheme = ctx.state.schemes.find((s) => s.id === ctx.params.issueTypeSchemeId);
      if (!scheme)
        throw jiraErrors.notFound(
          `The issue type scheme with ID ${ctx.params.issueTypeSchemeId ?? ''} does not exist.`,
        );
      const { issueTypeIds } = parseInput(AddTypes, ctx.body);
      for (const id of issueTypeIds) {
        if (!ctx.state.issueTypes.some((t) => t.id === id))
          throw jiraErrors.notFound(`The issue type with ID ${id} does not exist.`);
        if (!scheme.issueTypeIds.includes(id)) scheme.issueTypeIds.push(id);
      }
      return noContent();
    },
  },
];
