/**
 * `POST /rest/api/3/issue/bulkfetch`: up to 100 issues named by id or key, read from Jira's database
 * rather than its search index (so an issue named in an event is current), and an issue that no longer
 * exists is reported in `issueErrors` instead of failing the whole request as `key in (...)` JQL would.
 */
import { z } from 'zod';
import type { JiraClient } from './client';
import { RawIssueSchema, type RawIssue } from './schemas';

export const BULK_FETCH_LIMIT = 100;

const BulkFetchReplySchema = z.looseObject({
  issues: z.array(RawIssueSchema),
  issueErrors: z
    .array(z.looseObject({ id: z.string().optional(), errorMessage: z.string().optional() }))
    .optional(),
});

export interface BulkFetchResult {
  issues: RawIssue[];
  /** Ids or keys Jira did not return (deleted, moved away, or hidden from the caller). */
  missing: string[];
}

export async function bulkFetchIssues(
  client: JiraClient,
  idsOrKeys: readonly string[],
  fields: readonly string[],
  /** Issue properties to return with each issue (`properties` of the reply), e.g. escalation histories. */
  properties: readonly string[] = [],
): Promise<BulkFetchResult> {
  if (idsOrKeys.length === 0) return { issues: [], missing: [] };
  if (idsOrKeys.length > BULK_FETCH_LIMIT)
    throw new RangeError(`bulkfetch takes at most ${BULK_FETCH_LIMIT} issues`);
  const reply = await client.send(
    {
      method: 'POST',
      path: '/rest/api/3/issue/bulkfetch',
      body: { issueIdsOrKeys: idsOrKeys, fields, ...(properties.length ? { properties } : {}) },
      idempotent: true,
    },
    BulkFetchReplySchema,
  );
  const found = new Set(reply.issues.flatMap((i) => [i.id, i.key]));
  return { issues: reply.issues, missing: idsOrKeys.filter((k) => !found.has(k)) };
}
