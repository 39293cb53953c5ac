/**
 * Jira issues as the snapshot stores them: Jira's own shape (the analysis engine normalises from it),
 * with only the fields the app reads, and without what Jira adds for browsers (self URLs, avatars,
 * icons, colours), each system field reduced to what the app reads and rich text to what readiness
 * reads ("has a description", an "Acceptance criteria" heading): see issue-shape.ts.
 */
import type { FieldMap } from '../../domain/config/field-roles';
import type { RawIssue } from '../../jira/schemas';
import type { StoredIssue } from '../../storage/snapshot-schema';
import { readinessText, shapedField } from './issue-shape';
import { isRecord, MAX_FIELD_DEPTH, toJson, type Json } from './json-copy';

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

export { MAX_FIELD_DEPTH };

/** The issue as the snapshot stores it (shape {@link ISSUE_SHAPE}, see issue-shape.ts). */
export function toStoredIssue(issue: RawIssue, fieldMap: FieldMap): StoredIssue {
  const acceptanceCriteria = fieldMap.acceptanceCriteria;
  const fields: Record<string, Json> = {};
  const raw = issue.fields ?? {};
  for (const name in raw) {
    if (!Object.hasOwn(raw, name)) continue;
    const value = raw[name];
    const richText = name === 'description' || name === acceptanceCriteria;
    const text = richText ? readinessText(value) : undefined;
    const json = text ?? (name === 'description' ? toJson(value) : shapedField(name, value));
    // Jira sends null for every requested field that is empty: leaving them out halves small issues.
    if (json === undefined || json === null) continue;
    fields[name] = json;
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
    if (!isRecord(link)) return link;
    const out = { ...link };
    for (const side of ['inwardIssue', 'outwardIssue']) {
      const other = out[side];
      if (isRecord(other)) out[side] = { id: other.id ?? null, key: other.key ?? null };
    }
    return out;
  });
  return { ...issue, fields: { ...issue.fields, issuelinks: slim } };
}
