/**
 * The parts of a Jira issue (as `search/jql` returns it) that the engine reads. Lenient by design
 * (STYLE.md): unknown keys are ignored, and every field that a site may omit or send oddly falls back
 * to "absent" with `.catch`, so one strange value never drops the issue. Only `key` is required.
 */
import { z } from 'zod';

const Status = z.object({
  name: z.string().catch('Unknown'),
  statusCategory: z.object({ key: z.string() }).optional().catch(undefined),
});

const IssueType = z.object({
  name: z.string().catch('Unknown'),
  hierarchyLevel: z.number().int().optional().catch(undefined),
  subtask: z.boolean().optional().catch(undefined),
});

const LinkedIssue = z.object({
  key: z.string(),
  fields: z
    .object({
      summary: z.string().optional().catch(undefined),
      status: Status.optional().catch(undefined),
      issuetype: IssueType.optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
});

const IssueLink = z.object({
  id: z.string().optional().catch(undefined),
  type: z.object({ name: z.string(), inward: z.string().catch(''), outward: z.string().catch('') }),
  inwardIssue: LinkedIssue.optional().catch(undefined),
  outwardIssue: LinkedIssue.optional().catch(undefined),
});

export const IssueSchema = z.object({
  key: z.string().min(1),
  fields: z
    .object({
      summary: z.string().catch(''),
      status: Status.optional().catch(undefined),
      project: z.object({ key: z.string() }).optional().catch(undefined),
      issuetype: IssueType.optional().catch(undefined),
      parent: z.object({ key: z.string() }).nullish().catch(undefined),
      issuelinks: z.array(IssueLink.nullable().catch(null)).catch([]),
      created: z.string().nullish().catch(undefined),
      resolutiondate: z.string().nullish().catch(undefined),
    })
    .catch({ summary: '', issuelinks: [] }),
  /** Present when the search asked for issue properties (`properties: [...]`). */
  properties: z.record(z.string(), z.unknown()).optional().catch(undefined),
});

export type RawIssue = z.output<typeof IssueSchema>;
export type RawIssueLink = NonNullable<RawIssue['fields']['issuelinks'][number]>;
export type RawLinkedIssue = z.output<typeof LinkedIssue>;

export const LinkTypeSchema = z.looseObject({ name: z.string(), inward: z.string(), outward: z.string() });
export type LinkTypeRecord = z.output<typeof LinkTypeSchema>;

const HistoryStep = z.object({
  from: z.string().nullish().catch(undefined),
  to: z.string(),
  at: z.string(),
  by: z.string().nullish().catch(undefined),
  reason: z.string().nullish().catch(undefined),
});

/** The app's escalation history property `{ version: 1, history: [{ from, to, at, by, reason }] }`. */
export const EscalationPropertySchema = z.object({
  history: z.array(HistoryStep.nullable().catch(null)).catch([]),
});
