/**
 * What the views need of each issue that the engine's model leaves out (it keeps only what the analysis
 * reads): the Jira id, for permission checks as the user, the status category, for the lozenges, and
 * whether an issue security level restricts who may see it.
 */
import { z } from 'zod';
import type { StoredIssue } from '../../storage/snapshot-schema';

export interface IssueFact {
  id: string;
  statusCategory: 'new' | 'indeterminate' | 'done';
  secured: boolean;
}
export type IssueFacts = Map<string, IssueFact>;

const StatusSchema = z.looseObject({
  statusCategory: z.looseObject({ key: z.string() }).optional(),
});

export function recordFacts(facts: IssueFacts, issues: readonly StoredIssue[]): void {
  for (const issue of issues) {
    const status = StatusSchema.safeParse(issue.fields.status);
    const key = status.success ? status.data.statusCategory?.key : undefined;
    const statusCategory = key === 'done' || key === 'indeterminate' ? key : 'new';
    const security: unknown = issue.fields.security;
    facts.set(issue.key, {
      id: issue.id,
      statusCategory,
      secured: typeof security === 'object' && security !== null,
    });
  }
}
