/** Jira issues (fields + history property) as the domain's {@link ImpedimentFacts}, read leniently. */
import { blockedKeysOf } from '../../domain/impediments/blocked-items';
import { readEscalationRecord } from '../../domain/impediments/escalation-record';
import type { ImpedimentFacts } from '../../domain/impediments/impediment-records';
import { readDateMs, readName } from '../../domain/normalise/jira-values';
import type { ImpedimentIssue } from '../../jira/impediment-search';
import type { ImpedimentSettings } from './impediment-context';

export const IMPEDIMENT_FIELDS = [
  'summary',
  'status',
  'project',
  'issuetype',
  'created',
  'resolutiondate',
  'issuelinks',
];

export function fieldsFor(settings: ImpedimentSettings): string[] {
  return settings.levelFieldId ? [...IMPEDIMENT_FIELDS, settings.levelFieldId] : IMPEDIMENT_FIELDS;
}

function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const part of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = Object.entries(current).find(([k]) => k === part)?.[1];
  }
  return current;
}

export function impedimentFacts(issue: ImpedimentIssue, settings: ImpedimentSettings): ImpedimentFacts {
  const f = issue.fields ?? {};
  const done = at(f, 'status', 'statusCategory', 'key') === 'done';
  const project = at(f, 'project', 'key');
  const summary = at(f, 'summary');
  return {
    key: issue.key,
    summary: typeof summary === 'string' ? summary : issue.key,
    projectKey: typeof project === 'string' ? project : issue.key.replace(/-\d+$/, ''),
    createdMs: readDateMs(f.created),
    resolvedMs: done ? readDateMs(f.resolutiondate) : undefined,
    done,
    fieldLevel: settings.levelFieldId ? readName(f[settings.levelFieldId]) : undefined,
    record: readEscalationRecord(issue.properties?.[settings.historyProperty], settings.ladder),
    blocks: blockedKeysOf(f.issuelinks, settings.polarityOf),
  };
}

export function issueTypeName(issue: ImpedimentIssue): string | undefined {
  const name = at(issue.fields, 'issuetype', 'name');
  return typeof name === 'string' ? name : undefined;
}
