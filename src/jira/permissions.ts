/** Which issues the caller may browse, asked of Jira (`POST /rest/api/3/permissions/check`). */
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

/**
 * The subset of `issueIds` the caller can browse. Jira applies project permissions and issue security
 * levels, so this is exactly what the caller could open in Jira. Jira checks at most
 * {@link PERMISSION_CHECK_LIMIT} issues per request, so a long trail is asked in several requests.
 */
export async function browsableIssueIds(
  client: JiraClient,
  issueIds: readonly string[],
): Promise<Set<string>> {
  const numeric = [...new Set(issueIds)].map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);
  const browsable = new Set<string>();
  for (const issues of chunksOf(numeric, PERMISSION_CHECK_LIMIT)) {
    const reply = await client.send(
      {
        method: 'POST',
        path: '/rest/api/3/permissions/check',
        body: { projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues }] },
        idempotent: true,
      },
      BulkPermissionReplySchema,
    );
    const granted = reply.projectPermissions.find((p) => p.permission === 'BROWSE_PROJECTS');
    for (const id of granted?.issues ?? []) browsable.add(String(id));
  }
  return browsable;
}
