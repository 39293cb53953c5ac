/**
 * The Jira configuration calls of impediment provisioning (all need the app's Administer Jira right,
 * scope `manage:jira-configuration`): issue types, issue type schemes, and the projects with their style
 * (company- or team-managed). The level field's calls are in impediment-field-requests.ts.
 */
import { z } from 'zod';
import type { JiraClient } from './client';
import { jiraPath } from './transport';

const IssueTypeSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  hierarchyLevel: z.number().int().optional(),
  subtask: z.boolean().optional(),
  /** Present on a team-managed project's own types; absent on the site's (global) types. */
  scope: z.looseObject({ type: z.string().optional() }).optional(),
});
export type ProvisionedIssueType = z.infer<typeof IssueTypeSchema>;

export function listIssueTypes(client: JiraClient) {
  return client.send({ method: 'GET', path: '/rest/api/3/issuetype' }, z.array(IssueTypeSchema));
}

export function createIssueType(client: JiraClient, name: string, description: string) {
  return client.send(
    { method: 'POST', path: '/rest/api/3/issuetype', body: { name, description, hierarchyLevel: 0 } },
    IssueTypeSchema,
  );
}

const ProjectPageSchema = z.looseObject({
  values: z.array(
    z.looseObject({
      id: z.string(),
      key: z.string(),
      name: z.string(),
      style: z.string().optional(),
      simplified: z.boolean().optional(),
    }),
  ),
  isLast: z.boolean().optional(),
});
export type StyledProject = z.infer<typeof ProjectPageSchema>['values'][number];

/** Every project the app sees, with its style: `next-gen` / simplified = team-managed. */
export async function listProjectsWithStyle(client: JiraClient): Promise<StyledProject[]> {
  const projects: StyledProject[] = [];
  for (let startAt = 0; ; startAt += 50) {
    const page = await client.send(
      {
        method: 'GET',
        path: '/rest/api/3/project/search',
        query: { startAt, maxResults: 50, orderBy: 'key' },
      },
      ProjectPageSchema,
    );
    projects.push(...page.values);
    if (page.isLast !== false || page.values.length === 0) return projects;
  }
}

const SchemeProjectsPageSchema = z.looseObject({
  values: z.array(
    z.looseObject({
      issueTypeScheme: z.looseObject({
        id: z.string(),
        name: z.string().optional(),
        isDefault: z.boolean().optional(),
      }),
      projectIds: z.array(z.string()),
    }),
  ),
  isLast: z.boolean().optional(),
});

/** The issue type scheme of each project (Jira allows up to 100 project ids per request). */
export async function schemesOfProjects(client: JiraClient, projectIds: readonly string[]) {
  const result: Array<{ schemeId: string; isDefault: boolean; projectIds: string[] }> = [];
  for (let i = 0; i < projectIds.length; i += 100) {
    // Jira wants `projectId` repeated (an integer array), which the query record cannot express.
    const params = new URLSearchParams({ maxResults: '100' });
    for (const id of projectIds.slice(i, i + 100)) if (/^\d{1,18}$/.test(id)) params.append('projectId', id);
    const page = await client.send(
      { method: 'GET', path: `/rest/api/3/issuetypescheme/project?${params.toString()}` },
      SchemeProjectsPageSchema,
    );
    for (const v of page.values) {
      result.push({
        schemeId: v.issueTypeScheme.id,
        isDefault: v.issueTypeScheme.isDefault === true,
        projectIds: v.projectIds,
      });
    }
  }
  return result;
}

const SchemeMappingPageSchema = z.looseObject({
  values: z.array(z.looseObject({ issueTypeSchemeId: z.string(), issueTypeId: z.string() })),
  isLast: z.boolean().optional(),
});

export async function issueTypesOfScheme(client: JiraClient, schemeId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let startAt = 0; ; startAt += 50) {
    const page = await client.send(
      {
        method: 'GET',
        path: '/rest/api/3/issuetypescheme/mapping',
        query: { issueTypeSchemeId: schemeId, startAt, maxResults: 50 },
      },
      SchemeMappingPageSchema,
    );
    ids.push(...page.values.map((v) => v.issueTypeId));
    if (page.isLast !== false || page.values.length === 0) return ids;
  }
}

/** Jira fails the whole call when a type is already in the scheme, so callers add only missing ones. */
export function addIssueTypeToScheme(client: JiraClient, schemeId: string, issueTypeId: string) {
  return client.sendWithoutReply({
    method: 'PUT',
    path: jiraPath`/rest/api/3/issuetypescheme/${schemeId}/issuetype`,
    body: { issueTypeIds: [issueTypeId] },
  });
}
