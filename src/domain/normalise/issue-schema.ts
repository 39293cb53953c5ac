/**
 * Schemas of the colder, smaller Jira shapes (link types, escalation history). Issues themselves are
 * read in place and leniently by the normaliser (program-normaliser.ts, normalise-issue.ts): only
 * `key` is required, and a field a site omits or sends oddly reads as absent.
 */
import { z } from 'zod';

export const LinkTypeSchema = z.looseObject({ name: z.string(), inward: z.string(), outward: z.string() });
export type LinkTypeRecord = z.output<typeof LinkTypeSchema>;

const HistoryStep = z.object({
  from: z.string().nullish().catch(undefined),
  fromId: z.string().nullish().catch(undefined),
  to: z.string(),
  toId: z.string().nullish().catch(undefined),
  at: z.string(),
  by: z.string().nullish().catch(undefined),
  reason: z.string().nullish().catch(undefined),
});

/** The app's escalation history property `{ version: 1, history: [{ from, to, at, by, reason }] }`. */
export const EscalationPropertySchema = z.object({
  history: z.array(HistoryStep.nullable().catch(null)).catch([]),
});
