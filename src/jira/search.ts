/**
 * Reads every issue a JQL query matches through `POST /rest/api/3/search/jql`, which pages with an
 * opaque `nextPageToken` and gives no total. The pager is separate from HTTP (STYLE.md): it only knows
 * tokens and limits.
 */
import type { JiraClient } from './client';
import { SearchPageSchema, type JiraIssue } from './schemas';

export interface TokenPage<T> {
  items: T[];
  nextPageToken?: string | null | undefined;
}

/** Follows `nextPageToken` until Jira says there is no more, refusing to loop on a repeated token. */
export async function collectTokenPages<T>(
  fetchPage: (token: string | undefined) => Promise<TokenPage<T>>,
  maxPages = 1_000,
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchPage(token);
    items.push(...result.items);
    token = result.nextPageToken ?? undefined;
    if (token === undefined) return items;
    if (seen.has(token)) throw new Error(`search paging returned the page token ${token} twice`);
    seen.add(token);
  }
  throw new Error(`search paging stopped after ${maxPages} pages`);
}

/** Jira caps a page at 100 issues as soon as fields other than `id` are requested. */
export const SEARCH_PAGE_SIZE = 100;

export function searchIssues(
  client: JiraClient,
  jql: string,
  fields: readonly string[],
): Promise<JiraIssue[]> {
  return collectTokenPages(async (nextPageToken) => {
    const page = await client.send(
      {
        method: 'POST',
        path: '/rest/api/3/search/jql',
        body: { jql, fields, maxResults: SEARCH_PAGE_SIZE, ...(nextPageToken ? { nextPageToken } : {}) },
      },
      SearchPageSchema,
    );
    return { items: page.issues, nextPageToken: page.isLast === true ? undefined : page.nextPageToken };
  });
}
