import type { DatasetIssue } from '../dataset/schema';

export const RANK_FIELD = 'customfield_10019';

/** One issue as the emulator keeps it: Jira's fields plus the facts JQL and permissions need. */
export interface StoredIssue {
  id: string;
  key: string;
  keyNumber: number;
  projectKey: string;
  projectId: string;
  /** Jira's fields minus `issuelinks`, which are rendered from link records per caller. */
  fields: Record<string, unknown>;
  properties: Map<string, unknown>;
  comments: StoredComment[];
}

export interface StoredComment {
  id: string;
  authorAccountId: string;
  body: unknown;
  created: string;
}

export interface LinkRecord {
  id: string;
  typeId: string;
  /** The issue the outward description applies to: `from blocks to`. */
  fromId: string;
  toId: string;
}

export function keyNumber(key: string): number {
  const n = Number(key.slice(key.lastIndexOf('-') + 1));
  return Number.isFinite(n) ? n : 0;
}

export function toStoredIssue(issue: DatasetIssue): StoredIssue {
  const fields: Record<string, unknown> = { ...issue.fields };
  delete fields.issuelinks;
  return {
    id: issue.id,
    key: issue.key,
    keyNumber: keyNumber(issue.key),
    projectKey: issue.fields.project.key,
    projectId: issue.fields.project.id,
    fields,
    properties: new Map(),
    comments: [],
  };
}

function record(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.fromEntries(Object.entries(value));
}

export function stringAt(value: unknown, ...path: string[]): string | undefined {
  let cur: unknown = value;
  for (const part of path) cur = record(cur)?.[part];
  return typeof cur === 'string' ? cur : undefined;
}

export function numberAt(value: unknown, ...path: string[]): number | undefined {
  let cur: unknown = value;
  for (const part of path) cur = record(cur)?.[part];
  return typeof cur === 'number' ? cur : undefined;
}

export const issueFacts = {
  typeId: (i: StoredIssue) => stringAt(i.fields, 'issuetype', 'id') ?? '',
  typeName: (i: StoredIssue) => stringAt(i.fields, 'issuetype', 'name') ?? '',
  statusCategory: (i: StoredIssue) => stringAt(i.fields, 'status', 'statusCategory', 'key') ?? 'new',
  parentKey: (i: StoredIssue) => stringAt(i.fields, 'parent', 'key'),
  rank: (i: StoredIssue) => stringAt(i.fields, RANK_FIELD) ?? '',
  /** Jira's timestamps (`2026-11-20T09:00:00.000+0000`) as epoch ms; unparsable = 0. */
  timeMs: (i: StoredIssue, field: 'created' | 'updated') => {
    const raw = stringAt(i.fields, field);
    if (raw === undefined) return 0;
    const ms = Date.parse(raw.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
    return Number.isNaN(ms) ? 0 : ms;
  },
};

/** Jira's timestamp format for issue fields. */
export function jiraTimestamp(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}
