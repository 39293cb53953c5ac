/**
 * Reads every issue a JQL query matches through `POST /rest/api/3/search/jql`, which pages with an
 * opaque `nextPageToken` and gives no total. The pager is separate from HTTP (STYLE.md): it only knows
 * tokens and limits. A token Jira no longer honours restarts the query from the first page; issues
 * already collected are skipped by id, so a restart never duplicates an issue.
 */
import type { z } from 'zod';
import type { JiraClient } from './client';
import { JiraBadRequest } from './errors';
import { KEY_ONLY_PAGE_SIZE, searchPageCap, SEARCH_PAGE_SIZE } from './request-limits';
import { RawSearchPageSchema, SearchPageSchema, type JiraIssue, type RawIssue } from './schemas';

export interface TokenPage<T> {
  items: T[];
  nextPageToken?: string | null | undefined;
}

/** Jira's 400 for a token past its lifetime: "The provided next page token is invalid or expired". */
export function isExpiredPageToken(error: unknown): boolean {
  return (
    error instanceof JiraBadRequest &&
    error.errorMessages.some((m) => /page token/i.test(m) && /(expired|invalid)/i.test(m))
  );
}

/** Follows `nextPageToken` until Jira says there is no more, refusing to loop on a repeated token. */
export async function collectTokenPages<T>(
  fetchPage: (token: string | undefined) => Promise<TokenPage<T>>,
  maxPages = 1_000,
): Promise<T[]> {
  const items: T[] = [];
  await forEachTokenPage(
    fetchPage,
    (page) => {
      items.push(...page);
    },
    { maxPages },
  );
  return items;
}

export interface PagingOptions<T> {
  maxPages?: number;
  /** Restarts allowed after an expired token (each one re-reads from the first page). */
  maxRestarts?: number;
  /** Identity used to skip items seen before a restart; without it a restart is refused. */
  idOf?: (item: T) => string;
}

/** Streams pages to `onPage` (each item once, even across restarts); returns the restarts made. */
export async function forEachTokenPage<T>(
  fetchPage: (token: string | undefined) => Promise<TokenPage<T>>,
  onPage: (items: T[]) => void | Promise<void>,
  options: PagingOptions<T> = {},
): Promise<number> {
  const { maxPages = 1_000, maxRestarts = 2, idOf } = options;
  const delivered = new Set<string>();
  let restarts = 0;
  let token: string | undefined;
  const seenTokens = new Set<string>();
  for (let page = 0; page < maxPages; page++) {
    let result: TokenPage<T>;
    try {
      result = await fetchPage(token);
    } catch (error) {
      if (!isExpiredPageToken(error) || !idOf || token === undefined || restarts >= maxRestarts) throw error;
      restarts++;
      token = undefined;
      seenTokens.clear();
      continue;
    }
    const fresh = idOf ? result.items.filter((item) => !delivered.has(idOf(item))) : result.items;
    if (idOf) fresh.forEach((item) => delivered.add(idOf(item)));
    await onPage(fresh);
    token = result.nextPageToken ?? undefined;
    if (token === undefined) return restarts;
    if (seenTokens.has(token)) throw new Error(`search paging returned the page token ${token} twice`);
    seenTokens.add(token);
  }
  throw new Error(`search paging stopped after ${maxPages} pages`);
}

export { KEY_ONLY_PAGE_SIZE, SEARCH_PAGE_SIZE };

/**
 * One `POST /rest/api/3/search/jql` page, parsed with `schema` (typed issues or raw ones). `maxResults`
 * is held to the page size Jira serves for these fields ({@link searchPageCap}), so no caller asks for
 * a page Jira would cut.
 */
function searchPageWith<T>(
  schema: z.ZodType<{ issues: T[]; nextPageToken?: string | null | undefined; isLast?: boolean | undefined }>,
) {
  return (
    client: JiraClient,
    jql: string,
    fields: readonly string[],
    maxResults: number,
    nextPageToken: string | undefined,
  ): Promise<TokenPage<T>> =>
    client
      .send(
        {
          method: 'POST',
          path: '/rest/api/3/search/jql',
          body: {
            jql,
            fields,
            maxResults: Math.max(1, Math.min(maxResults, searchPageCap(fields))),
            ...(nextPageToken ? { nextPageToken } : {}),
          },
          idempotent: true,
        },
        schema,
      )
      .then((page) => ({
        items: page.issues,
        nextPageToken: page.isLast === true ? undefined : page.nextPageToken,
      }));
}

export const searchPage = searchPageWith<JiraIssue>(SearchPageSchema);

/** One page with each issue's fields left raw (see {@link RawIssueSchema}): for bulk reads. */
export const searchRawPage = searchPageWith<RawIssue>(RawSearchPageSchema);

/** Every issue the query matches with raw fields, pages of 100, restarting on an expired token. */
export async function searchRawIssues(
  client: JiraClient,
  jql: string,
  fields: readonly string[],
): Promise<RawIssue[]> {
  const issues: RawIssue[] = [];
  await forEachTokenPage(
    (token) => searchRawPage(client, jql, fields, SEARCH_PAGE_SIZE, token),
    (page) => {
      issues.push(...page);
    },
    { idOf: (issue) => issue.id },
  );
  return issues;
}

/** Every issue the query matches, pages of 100, restarting on an expired token without duplicates. */
export async function searchIssues(
  client: JiraClient,
  jql: string,
  fields: readonly string[],
): Promise<JiraIssue[]> {
  const issues: JiraIssue[] = [];
  await forEachTokenPage(
    (token) => searchPage(client, jql, fields, SEARCH_PAGE_SIZE, token),
    (page) => {
      issues.push(...page);
    },
    { idOf: (issue) => issue.id },
  );
  return issues;
}
