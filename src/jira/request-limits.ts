/**
 * Limits Jira states only in its prose documentation (the OpenAPI schemas do not carry them), and the
 * one way the client honours them: cut a list into requests that each stay inside the limit.
 */

/** `POST /rest/api/3/permissions/check`: "A maximum of 1000 projects and 1000 issues can be checked." */
export const PERMISSION_CHECK_LIMIT = 1_000;
/** `POST /rest/api/3/issue/bulkfetch`: "You can request up to 100 issues." */
export const BULK_FETCH_LIMIT = 100;
/** `PUT /rest/agile/1.0/issue/rank`: "At most 50 issues may be ranked at once." */
export const RANK_LIMIT = 50;
/** `search/jql`: Jira caps a page at 100 issues as soon as fields other than `id`/`key` are requested. */
export const SEARCH_PAGE_SIZE = 100;
/** ... and at 5000 when only `id` and `key` are requested. */
export const KEY_ONLY_PAGE_SIZE = 5_000;

/** `items` in consecutive runs of at most `size` (the last may be shorter); none when `items` is empty. */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer`);
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** The largest page Jira serves for these fields: more would be cut silently to this size. */
export function searchPageCap(fields: readonly string[]): number {
  const identifiersOnly = fields.length > 0 && fields.every((f) => f === 'id' || f === 'key');
  return identifiersOnly ? KEY_ONLY_PAGE_SIZE : SEARCH_PAGE_SIZE;
}
