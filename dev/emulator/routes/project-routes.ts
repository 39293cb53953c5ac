import { browsableProjects, canBrowse } from '../access/caller';
import type { DatasetProject } from '../dataset/schema';
import { jiraErrors } from '../http/jira-error';
import { ok, type Route } from '../http/router';
import { renderIssueType } from './issue-type-routes';
import { offsetPage } from './paging';
import type { EmulatorState } from '../state/emulator-state';

function renderProject(baseUrl: string, p: DatasetProject, state: EmulatorState, detailed: boolean) {
  const scheme = state.schemeForProject(p.id);
  const issueTypes = state.issueTypes
    .filter((t) => scheme.issueTypeIds.includes(t.id))
    .map((t) => renderIssueType(baseUrl, t));
  return {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    self: `${baseUrl}/rest/api/3/project/${p.id}`,
    id: p.id,
    key: p.key,
    name: p.name,
    projectTypeKey: 'software',
    // Team-managed projects are `next-gen` and simplified (the dataset may say so); the rest classic.
    simplified: p.style === 'next-gen',
    style: p.style === 'next-gen' ? 'next-gen' : 'classic',
    isPrivate: false,
    properties: {},
    ...(detailed ? { description: typeof p.description === 'string' ? p.description : '', issueTypes } : {}),
  };
}

export const projectRoutes: Route[] = [
  {
    method: 'GET',
    template: '/rest/api/3/project/search',
    handler: (ctx) => {
      const keys = ctx.query.keys?.split(',').map((k) => k.toUpperCase());
      const text = ctx.query.query?.toLowerCase();
      const visible = browsableProjects(ctx.caller, ctx.state)
        .filter((p) => !keys || keys.includes(p.key))
        .filter((p) => !text || p.key.toLowerCase().includes(text) || p.name.toLowerCase().includes(text));
      const page = offsetPage(visible, ctx.query);
      return ok({
        self: `${ctx.baseUrl}/rest/api/3/project/search`,
        ...page,
        values: page.values.map((p) => renderProject(ctx.baseUrl, p, ctx.state, false)),
      });
    },
  },
  {
    method: 'GET',
    template: '/rest/api/3/project/{projectIdOrKey}',
    handler: (ctx) => {
      const ref = ctx.params.projectIdOrKey ?? '';
      const project = ctx.state.projectByKeyOrId(ref);
      if (!project || !canBrowse(ctx.caller, project.key))
        throw jiraErrors.notFound(`No project could be found with key '${ref}'.`);
      return ok(renderProject(ctx.baseUrl, project, ctx.state, true));
    },
  },
];
