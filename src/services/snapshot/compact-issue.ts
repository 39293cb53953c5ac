/**
 * Jira issues as the snapshot stores them: Jira's own shape (the analysis engine normalises from it),
 * with only the fields the app reads, and without what Jira adds for browsers (self URLs, avatars,
 * icons, colours), each system field reduced to what the app reads and rich text to what readiness
 * reads ("has a description", an "Acceptance criteria" heading): see issue-shape.ts.
 */
import type { FieldMap } from '../../domain/config/field-roles';
import type { RawIssue } from '../../jira/schemas';
import type { StoredIssue } from '../../storage/snapshot-schema';
import { readinessText, shapedField, type Json } from './issue-shape';

/** System fields the app reads; the discovered custom fields are added to these. */
export const SYSTEM_FIELDS = [
  'summary',
  'status',
  'project',
  'issuetype',
  'parent',
  'issuelinks',
  'created',
  'updated',
  'resolutiondate',
  'description',
  'duedate',
  'fixVersions',
  // Jira's issue security level: the views hide a secured issue from users who are not its members.
  'security',
] as const;

/** The system fields plus `fieldIds` (every field the resolution reads, or may read). */
export function fieldsToRequest(fieldIds: readonly string[]): string[] {
  return [...new Set([...SYSTEM_FIELDS, ...fieldIds])];
}

const NOISE = new Set(['self', 'avatarUrls', 'iconUrl', 'expand', 'colorName', 'avatarId', 'entityId']);

/**
 * How deep a field's value is kept. Forge refuses values nested over 32 levels, and a chunk puts a field
 * 4 levels down (chunk, issues, issue, fields); deeper content (a description nested 900 levels) is cut
 * there, which also bounds the copy's recursion. Readiness reads only the first levels of ADF.
 */
export const MAX_FIELD_DEPTH = 24;

/** Keys that describe a value for people (an issue type's or status's description), not the value. */
const NESTED_NOISE = new Set(['description', 'colorName', 'iconUrl']);

/**
 * A JSON copy without the browser noise. Runs on every value of every issue of a full build, so it
 * loops without the intermediate arrays of `flatMap` / `Object.entries`.
 */
function toJson(value: unknown, depth = 0): Json | undefined {
  if (depth > MAX_FIELD_DEPTH) return undefined;
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string')
    return value;
  if (Array.isArray(value)) {
    const items: Json[] = [];
    for (const item of value) {
      const json = toJson(item, depth + 1);
      if (json !== undefined) items.push(json);
    }
    return items;
  }
  if (typeof value !== 'object') return undefined;
  const out: { [key: string]: Json } = {};
  for (const k in value) {
    if (!Object.hasOwn(value, k) || NOISE.has(k)) continue;
    const v: unknown = Reflect.get(value, k);
    if (depth > 0 && NESTED_NOISE.has(k) && typeof v === 'string') continue;
    const json = toJson(v, depth + 1);
    if (json !== undefined) out[k] = json;
  }
  return out;
}

const isObject = (v: Json | undefined): v is { [key: string]: Json } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The issue as the snapshot stores it (shape {@link ISSUE_SHAPE}, see issue-shape.ts). */
export function toStoredIssue(issue: RawIssue, fieldMap: FieldMap): StoredIssue {
  const richText = new Set(['description', fieldMap.acceptanceCriteria]);
  const fields: Record<string, Json> = {};
  for (const [name, value] of Object.entries(issue.fields ?? {})) {
    const text = richText.has(name) ? readinessText(value) : undefined;
    const json = text ?? (name === 'description' ? toJson(value) : toJson(value, 1));
    // Jira sends null for every requested field that is empty: leaving them out halves small issues.
    if (json === undefined || json === null) continue;
    fields[name] = text === undefined ? shapedField(name, json) : json;
  }
  const properties: Record<string, Json> = {};
  for (const [name, value] of Object.entries(issue.properties ?? {})) {
    const json = toJson(value, 1);
    if (json !== undefined && json !== null) properties[name] = json;
  }
  // Only impediments carry the escalation history: most issues store no `properties` at all.
  return Object.keys(properties).length > 0
    ? { id: issue.id, key: issue.key, fields, properties }
    : { id: issue.id, key: issue.key, fields };
}

/** The same issue with its links' other ends reduced to id and key: for the rare issue over a chunk. */
export function withoutLinkedIssueFields(issue: StoredIssue): StoredIssue {
  const links = toJson(issue.fields.issuelinks);
  if (!Array.isArray(links)) return issue;
  const slim = links.map((link): Json => {
    if (!isObject(link)) return link;
    const out = { ...link };
    for (const side of ['inwardIssue', 'outwardIssue']) {
      const other = out[side];
      if (isObject(other)) out[side] = { id: other.id ?? null, key: other.key ?? null };
    }
    return out;
  });
  return { ...issue, fields: { ...issue.fields, issuelinks: slim } };
}
