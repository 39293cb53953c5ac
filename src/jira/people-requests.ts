/**
 * Users and groups, for the owner picker (search as you type) and the owner check on save (look up in
 * bulk). Asked as the user: Jira applies *Browse users and groups* (without it searches come back empty).
 */
import { z } from 'zod';
import type { JiraClient } from './client';

const UserSchema = z.looseObject({
  accountId: z.string(),
  displayName: z.string().optional(),
  accountType: z.string().optional(),
  active: z.boolean().optional(),
});
const UserPageSchema = z.looseObject({ values: z.array(UserSchema), isLast: z.boolean().optional() });
const FoundGroupsSchema = z.looseObject({
  groups: z.array(z.looseObject({ name: z.string(), groupId: z.string().optional() })),
});
const GroupPageSchema = z.looseObject({
  values: z.array(z.looseObject({ name: z.string().optional(), groupId: z.string().nullable().optional() })),
  isLast: z.boolean().optional(),
});

export interface JiraUser {
  accountId: string;
  displayName: string;
}
export interface JiraGroup {
  groupId: string;
  name: string;
}

const userOf = (u: z.infer<typeof UserSchema>): JiraUser => ({
  accountId: u.accountId,
  displayName: u.displayName ?? u.accountId,
});

/** Active people whose name or e-mail starts with `query` (apps and customers are no owners). */
export async function searchUsers(
  client: JiraClient,
  query: string,
  maxResults: number,
): Promise<JiraUser[]> {
  const reply = await client.send(
    { method: 'GET', path: '/rest/api/3/user/search', query: { query, maxResults } },
    z.array(UserSchema),
  );
  return reply
    .filter((u) => u.active !== false && (u.accountType ?? 'atlassian') === 'atlassian')
    .map(userOf);
}

/** Groups whose name contains `query`, with their ids (a group's id survives a rename; its name does not). */
export async function searchGroups(
  client: JiraClient,
  query: string,
  maxResults: number,
): Promise<JiraGroup[]> {
  const reply = await client.send(
    {
      method: 'GET',
      path: '/rest/api/3/groups/picker',
      query: { query, maxResults, caseInsensitive: true },
    },
    FoundGroupsSchema,
  );
  return reply.groups.flatMap((g) => (g.groupId ? [{ groupId: g.groupId, name: g.name }] : []));
}

/**
 * The spec gives `user/bulk` a default page of 10 and names no larger limit, so ids go 10 to a request
 * with `maxResults` 10: every id asked for fits the page it is asked in.
 */
export const USER_BULK_BATCH = 10;

/** The users that exist among `accountIds` (unknown ids are simply absent from the reply). */
export async function bulkUsers(client: JiraClient, accountIds: readonly string[]): Promise<JiraUser[]> {
  const unique = [...new Set(accountIds)];
  const found: JiraUser[] = [];
  for (let i = 0; i < unique.length; i += USER_BULK_BATCH) {
    const accountId = unique.slice(i, i + USER_BULK_BATCH);
    const page = await client.send(
      { method: 'GET', path: '/rest/api/3/user/bulk', query: { accountId, maxResults: USER_BULK_BATCH } },
      UserPageSchema,
    );
    found.push(...page.values.map(userOf));
  }
  return found;
}

/** The groups that exist among these ids and names (`group/bulk`, default page 50: same rule as users). */
export async function bulkGroups(
  client: JiraClient,
  refs: { groupIds: readonly string[]; names: readonly string[] },
): Promise<JiraGroup[]> {
  const asked = [
    ...[...new Set(refs.groupIds)].map((v) => ['groupId', v] as const),
    ...[...new Set(refs.names)].map((v) => ['groupName', v] as const),
  ];
  const found: JiraGroup[] = [];
  for (let i = 0; i < asked.length; i += 50) {
    const batch = asked.slice(i, i + 50);
    const groupId = batch.filter(([k]) => k === 'groupId').map(([, v]) => v);
    const groupName = batch.filter(([k]) => k === 'groupName').map(([, v]) => v);
    const page = await client.send(
      {
        method: 'GET',
        path: '/rest/api/3/group/bulk',
        query: { groupId, groupName, maxResults: 50 },
      },
      GroupPageSchema,
    );
    for (const g of page.values) if (g.groupId && g.name) found.push({ groupId: g.groupId, name: g.name });
  }
  return found;
}
