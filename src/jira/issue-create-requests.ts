/**
 * Creating an issue and linking two issues: what raising an impediment from the work needs. Both are
 * POSTs that Jira does not deduplicate, so the client never repeats them on its own (the raise keeps
 * its own claim, see services/impediments/raise-impediment.ts).
 */
import { z } from 'zod';
import type { JiraClient } from './client';

const CreatedSchema = z.looseObject({ id: z.string(), key: z.string() });

export function createIssue(client: JiraClient, fields: Record<string, unknown>) {
  return client.send({ method: 'POST', path: '/rest/api/3/issue', body: { fields } }, CreatedSchema);
}

/**
 * One link of `typeName`. Jira's create call reads "inwardIssue <outward phrase> outwardIssue" (for
 * Blocks: the inward issue blocks the outward one), the other way round from the issue view.
 */
export function createIssueLink(client: JiraClient, typeName: string, source: string, target: string) {
  return client.sendWithoutReply({
    method: 'POST',
    path: '/rest/api/3/issueLink',
    body: { type: { name: typeName }, inwardIssue: { key: source }, outwardIssue: { key: target } },
  });
}
