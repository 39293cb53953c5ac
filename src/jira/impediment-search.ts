/**
 * Impediments found with JQL, each with its fields and the escalation history property (search can
 * return entity properties, so one request per 100 impediments reads both).
 */
import { z } from 'zod';
import type { JiraClient } from './client';
import { projectIn } from './jql';
import { forEachTokenPage, SEARCH_PAGE_SIZE } from './search';

const ImpedimentIssueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: z.record(z.string(), z.unknown()).optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
});
export type ImpedimentIssue = z.infer<typeof ImpedimentIssueSchema>;

const PageSchema = z.looseObject({
  issues: z.array(ImpedimentIssueSchema),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});

/** A JQL string literal: quotes and backslashes escaped, so a configured name cannot change the query. */
export function jqlString(value: string): string {
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

export interface ImpedimentQuery {
  projectKeys: readonly string[];
  issueType: string;
  /** `open`: not done; `recently-done`: done and updated in the last `days` days. */
  scope: 'open' | 'recently-done';
  days?: number;
}

export function impedimentJql(q: ImpedimentQuery): string {
  const parts = [projectIn(q.projectKeys), `issuetype = ${jqlString(q.issueType)}`];
  parts.push(
    q.scope === 'open'
      ? 'statusCategory != Done'
      : `statusCategory = Done AND updated >= "-${q.days ?? 30}d"`,
  );
  return `${parts.join(' AND ')} ORDER BY key ASC`;
}

export async function searchImpediments(
  client: JiraClient,
  query: ImpedimentQuery,
  fields: readonly string[],
  property: string,
): Promise<ImpedimentIssue[]> {
  if (query.projectKeys.length === 0) return [];
  const jql = impedimentJql(query);
  const issues: ImpedimentIssue[] = [];
  await forEachTokenPage(
    async (token) => {
      const page = await client.send(
        {
          method: 'POST',
          path: '/rest/api/3/search/jql',
          body: {
            jql,
            fields,
            properties: [property],
            maxResults: SEARCH_PAGE_SIZE,
            ...(token ? { nextPageToken: token } : {}),
          },
          idempotent: true,
        },
        PageSchema,
      );
      return { items: page.issues, nextPageToken: page.isLast === true ? undefined : page.nextPageToken };
    },
    (page) => {
      issues.push(...page);
    },
    { idOf: (issue) => issue.id },
  );
  return issues;
}
