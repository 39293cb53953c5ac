/**
 * The building blocks every surface shares: issue and project keys (validated before they reach Jira),
 * an issue as the UI shows it, status categories, Jira field ids, who did something, and the
 * sprint-order status of a dependency.
 */
import { z } from 'zod';

export const IssueKeySchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,19}-[1-9][0-9]{0,9}$/, 'must be an issue key such as PAY-12');
export const ProjectKeySchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,19}$/, 'must be a project key such as PAY (upper case letters, digits, _)');

export const StatusCategorySchema = z.enum(['new', 'indeterminate', 'done']);

export const IssueRefSchema = z.object({
  key: z.string(),
  summary: z.string(),
  statusName: z.string(),
  statusCategory: StatusCategorySchema,
  projectKey: z.string(),
  issueType: z.string(),
});
export type IssueRef = z.infer<typeof IssueRefSchema>;

/** A Jira field id: a system id (`summary`) or `customfield_<n>`; validated before it reaches Jira. */
export const FieldIdSchema = z
  .string()
  .regex(/^(customfield_[0-9]{1,12}|[a-z][a-zA-Z]{1,40})$/, 'must be a field id such as customfield_10016');

export const ActorSchema = z.object({ accountId: z.string(), displayName: z.string() });

export const DependencyStatusSchema = z.enum(['conflict', 'at-risk', 'healthy', 'unplanned']);
export type DependencyStatus = z.infer<typeof DependencyStatusSchema>;
