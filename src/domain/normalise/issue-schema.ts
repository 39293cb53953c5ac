/**
 * Reading a Jira issue (as `search/jql` returns it) leniently: unknown keys are ignored and every
 * field a site may omit or send oddly reads as absent, so one strange value never drops the issue.
 * Only `key` is required. Colder, smaller shapes (link types, escalation history) are zod schemas.
 */
import { z } from 'zod';
import { isObject, numberAt, objectAt, stringAt, type JsonObject } from './json-guards';

export interface RawIssueType {
  name: string;
  hierarchyLevel: number | undefined;
  subtask: boolean | undefined;
}

export interface RawStatus {
  name: string;
  categoryKey: string | undefined;
}

export interface RawIssue {
  key: string;
  fields: JsonObject;
  properties: JsonObject | undefined;
}

export function readIssue(raw: unknown): RawIssue | undefined {
  if (!isObject(raw)) return undefined;
  const key = stringAt(raw.key);
  if (!key) return undefined;
  return { key, fields: objectAt(raw.fields) ?? {}, properties: objectAt(raw.properties) };
}

export function readStatus(value: unknown): RawStatus | undefined {
  if (!isObject(value)) return undefined;
  return {
    name: stringAt(value.name) ?? 'Unknown',
    categoryKey: stringAt(objectAt(value.statusCategory)?.key),
  };
}

export function readIssueType(value: unknown): RawIssueType | undefined {
  if (!isObject(value)) return undefined;
  const subtask = value.subtask;
  return {
    name: stringAt(value.name) ?? 'Unknown',
    hierarchyLevel: numberAt(value.hierarchyLevel),
    subtask: typeof subtask === 'boolean' ? subtask : undefined,
  };
}

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
