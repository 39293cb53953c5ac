/** Which issues the caller may browse or act on, asked of Jira (`POST /rest/api/3/permissions/check`). */
import { z } from 'zod';
import type { JiraClient } from './client';
import { chunksOf, PERMISSION_CHECK_LIMIT } from './request-limits';

const BulkPermissionReplySchema = z.looseObject({
  projectPermissions: z.array(
    z.looseObject({
      permission: z.string(),
      issues: z.array(z.number()).optional(),
      projects: z.array(z.number()).optional(),
    }),
  ),
});

/** The project permissions the app checks before it acts on a user's behalf (Jira's keys). */
export type IssuePermission =
  | 'BROWSE_PROJECTS'
  | 'EDIT_ISSUES'
  | 'TRANSITION_ISSUES'
  | 'ADD_COMMENTS'
  | 'SCHEDULE_ISSUES'
  | 'CREATE_ISSUES'
  | 'LINK_ISSUES';

/**
 * Per permission, the subset of `issueIds` the caller holds it on. Jira applies project permissions and
 * issue security levels, so this is exactly what Jira would let the caller do. Jira checks at most
 * {@link PERMISSION_CHECK_LIMIT} issues per request, so a long list is asked in several requests.
 */
export async function issuePermissions(
  client: JiraClient,
  permissions: readonly IssuePermission[],
  issueIds: readonly string[],
): Promise<Map<IssuePermission, Set<string>>> {
  const numeric = [...new Set(issueIds)].map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);
  const held = new Map(permissions.map((p) => [p, new Set<string>()]));
  for (const issues of chunksOf(numeric, PERMISSION_CHECK_LIMIT)) {
    const reply = await client.send(
      {
        method: 'POST',
        path: '/rest/api/3/permissions/check',
        body: { projectPermissions: [{ permissions: [...permissions], issues }] },
        idempotent: true,
      },
      BulkPermissionReplySchema,
    );
    for (const granted of reply.projectPermissions) {
      const asked = permissions.find((p) => p === granted.permission);
      const ids = asked === undefined ? undefined : held.get(asked);
      for (const id of granted.issues ?? []) ids?.add(String(id));
    }
  }
  return held;
}

/** The subset of `issueIds` the caller can browse. */
export async function browsableIssueIds(
  client: JiraClient,
  issueIds: readonly string[],
): Promise<Set<string>> {
  return (await issuePermissions(client, ['BROWSE_PROJECTS'], issueIds)).get('BROWSE_PROJECTS') ?? new Set();
}
