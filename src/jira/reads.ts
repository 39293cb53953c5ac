/** The Jira reads the app makes, each one request shape + one schema, named for what they answer. */
import type { JiraClient } from './client';
import { jiraPath } from './transport';
import {
  IssueLinkTypesSchema,
  JiraIssueSchema,
  MyPermissionsSchema,
  MyselfSchema,
  ProjectSearchPageSchema,
  type IssueLinkType,
  type JiraIssue,
  type JiraProject,
} from './schemas';

export function getMyself(client: JiraClient) {
  return client.send({ method: 'GET', path: '/rest/api/3/myself' }, MyselfSchema);
}

/** Whether the caller holds a global permission such as ADMINISTER (Jira administrators). */
export async function hasGlobalPermission(client: JiraClient, permission: 'ADMINISTER'): Promise<boolean> {
  const reply = await client.send(
    { method: 'GET', path: '/rest/api/3/mypermissions', query: { permissions: permission } },
    MyPermissionsSchema,
  );
  return reply.permissions[permission]?.havePermission === true;
}

/** Every project the caller can browse (Jira's project search only returns those). */
export async function listBrowsableProjects(client: JiraClient): Promise<JiraProject[]> {
  const projects: JiraProject[] = [];
  const pageSize = 50;
  for (let startAt = 0; ; startAt += pageSize) {
    const page = await client.send(
      {
        method: 'GET',
        path: '/rest/api/3/project/search',
        query: { startAt, maxResults: pageSize, orderBy: 'key' },
      },
      ProjectSearchPageSchema,
    );
    projects.push(...page.values);
    if (page.isLast !== false || page.values.length === 0) return projects;
  }
}

export const ISSUE_REF_FIELDS = ['summary', 'status', 'project', 'issuetype'] as const;

export function getIssue(
  client: JiraClient,
  issueKey: string,
  fields: readonly string[],
): Promise<JiraIssue> {
  return client.send(
    { method: 'GET', path: jiraPath`/rest/api/3/issue/${issueKey}`, query: { fields: fields.join(',') } },
    JiraIssueSchema,
  );
}

export async function listIssueLinkTypes(client: JiraClient): Promise<IssueLinkType[]> {
  const reply = await client.send({ method: 'GET', path: '/rest/api/3/issueLinkType' }, IssueLinkTypesSchema);
  return reply.issueLinkTypes;
}
