/**
 * `POST /rest/api/3/issue/bulkfetch`: issues named by id or key, 100 per request (Jira's limit), read from Jira's database
 * rather than its search index (so an issue named in an event is current), and an issue that no longer
 * exists is reported in `issueErrors` instead of failing the whole request as `key in (...)` JQL would.
 */
import { z } from 'zod';
import type { ExchangeGate, JiraClient } from './client';
import { BULK_FETCH_LIMIT, chunksOf } from './request-limits';
import { RawIssuesSchema, type RawIssue } from './schemas';

export { BULK_FETCH_LIMIT };

const BulkFetchReplySchema = z.looseObject({
  issues: RawIssuesSchema,
  issueErrors: z
    .array(z.looseObject({ id: z.string().optional(), errorMessage: z.string().optional() }))
    .optional(),
});

export interface BulkFetchResult {
  issues: RawIssue[];
  /** Ids or keys Jira did not return (deleted, moved away, or hidden from the caller). */
  missing: string[];
}

/** Every issue of `idsOrKeys`, one request per {@link BULK_FETCH_LIMIT} of them, in order. */
export async function bulkFetchIssues(
  client: JiraClient,
  idsOrKeys: readonly string[],
  /** The fields, or what names them as each request leaves (see {@link RequestSource}). */
  fields: readonly string[] | (() => readonly string[]),
  /** Issue properties to return with each issue (`properties` of the reply), e.g. escalation histories. */
  properties: readonly string[] = [],
  /** The pool each request waits for (its reply is parsed outside it). */
  gate?: ExchangeGate,
): Promise<BulkFetchResult> {
  const result: BulkFetchResult = { issues: [], missing: [] };
  for (const chunk of chunksOf(idsOrKeys, BULK_FETCH_LIMIT)) {
    const reply = await client.send(
      () => ({
        method: 'POST',
        path: '/rest/api/3/issue/bulkfetch',
        body: {
          issueIdsOrKeys: chunk,
          fields: typeof fields === 'function' ? fields() : fields,
          ...(properties.length ? { properties } : {}),
        },
        idempotent: true,
      }),
      BulkFetchReplySchema,
      gate,
    );
    const found = new Set(reply.issues.flatMap((i) => [i.id, i.key]));
    result.issues.push(...reply.issues);
    result.missing.push(...chunk.filter((k) => !found.has(k)));
  }
  return result;
}
