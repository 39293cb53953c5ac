/** Which issues the caller may browse, asked of Jira (`POST /rest/api/3/permissions/check`). */
import { z } from 'zod';
import type { JiraClient } from './client';

const BulkPermissionReplySchema = z.looseObject({
  projectPermissions: z.array(
    z.looseObject({
      permission: z.string(),
      issues: z.array(z.number()).optional(),
      projects: z.array(z.number()).optional(),
    }),
  ),
});

/**
 * The subset of `issueIds` the caller can browse. Jira applies project permissions and issue security
 * levels, so this is exactly what the caller could open in Jira.
 */
export async function browsableIssueIds(
  client: JiraClient,
  issueIds: readonly string[],
): Promise<Set<string>> {
  const numeric = [...new Set(issueIds)].map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);
  if (numeric.length === 0) return new Set();
  const reply = await client.send(
    {
      method: 'POST',
      path: '/rest/api/3/permissions/check',
      body: { projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: numeric }] },
      idempotent: true,
    },
    BulkPermissionReplySchema,
  );
  const granted = reply.projectPermissions.find((p) => p.permission === 'BROWSE_PROJECTS');
  return new Set((granted?.issues ?? []).map(String));
}
