import type { z } from 'zod';
import { JiraError } from './jira-error';

/** Parses a request body or query with zod; failures become Jira's 400 naming the bad element. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  const message =
    issue?.code === 'invalid_type' ? `expected ${issue.expected}` : (issue?.message ?? 'invalid');
  if (path === '') throw new JiraError(400, [`Invalid request payload: ${message}`]);
  throw new JiraError(400, [], { [path]: message });
}
