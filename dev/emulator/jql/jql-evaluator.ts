import { canBrowse, canSeeIssue, type Caller } from '../access/caller';
import { jiraErrors } from '../http/jira-error';
import type { EmulatorState } from '../state/emulator-state';
import { issueFacts, type StoredIssue } from '../state/stored-issue';
import { parseJql, type Clause, type JqlQuery } from './jql-parser';

const STATUS_CATEGORIES: Record<string, string> = {
  'to do': 'new',
  new: 'new',
  '2': 'new',
  'in progress': 'indeterminate',
  indeterminate: 'indeterminate',
  '4': 'indeterminate',
  done: 'done',
  complete: 'done',
  '3': 'done',
};

type Predicate = (issue: StoredIssue) => boolean;

const doesNotExist = (value: string, field: string) =>
  jiraErrors.badRequest(`The value '${value}' does not exist for the field '${field}'.`);

/** `"2026-01-01 10:00"`, `2026-01-01`, `2026/01/01` or relative `-5m` / `-1d` / `-2w` / `-3h` (UTC). */
export function jqlDateMs(value: string, now: Date): number {
  const rel = /^([+-]?\d+)([wdhm])$/.exec(value.trim());
  if (rel) {
    const unit = { w: 604800000, d: 86400000, h: 3600000, m: 60000 }[rel[2] ?? 'm'] ?? 60000;
    return now.getTime() + Number(rel[1]) * unit;
  }
  const abs = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:\s+(\d{2}):(\d{2}))?$/.exec(value.trim());
  if (!abs) {
    throw jiraErrors.badRequest(
      `Date value '${value}' for field 'updated' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
    );
  }
  const [, y, mo, d, h = '00', mi = '00'] = abs;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
}

function listPredicate(
  clause: Extract<Clause, { kind: 'list' }>,
  state: EmulatorState,
  caller: Caller,
): Predicate {
  const { field, values } = clause;
  if (field === 'project') {
    const keys = new Set(
      values.map((v) => {
        const project = state.projects.find((p) => p.key === v.toUpperCase() || p.id === v || p.name === v);
        if (!project || !canBrowse(caller, project.key)) throw doesNotExist(v, 'project');
        return project.key;
      }),
    );
    return (i) => keys.has(i.projectKey);
  }
  if (field === 'issuetype') {
    const ids = new Set(
      values.flatMap((v) => {
        const found = state.issueTypes.filter((t) => t.id === v || t.name.toLowerCase() === v.toLowerCase());
        if (found.length === 0) throw doesNotExist(v, 'issuetype');
        return found.map((t) => t.id);
      }),
    );
    return (i) => ids.has(issueFacts.typeId(i));
  }
  if (field === 'statusCategory') {
    const keys = new Set(
      values.map((v) => {
        const key = STATUS_CATEGORIES[v.toLowerCase()];
        if (!key) throw doesNotExist(v, 'statusCategory');
        return key;
      }),
    );
    return (i) => keys.has(issueFacts.statusCategory(i));
  }
  if (field === 'custom') return customFieldPredicate(clause.fieldRef ?? '', values, state);
  const keys = new Set(
    values.map((v) => {
      const issue = state.issueByKeyOrId(v);
      if (!issue || !canSeeIssue(caller, issue)) {
        throw jiraErrors.badRequest(`An issue with key '${v}' does not exist for field '${field}'.`);
      }
      return issue.key;
    }),
  );
  if (field === 'parent') return (i) => keys.has(issueFacts.parentKey(i) ?? '');
  return (i) => keys.has(i.key);
}

/** A custom field clause: option fields compare the option's value (or id), others the raw text. */
function customFieldPredicate(ref: string, values: readonly string[], state: EmulatorState): Predicate {
  const cf = /^cf\[(\d+)\]$/i.exec(ref);
  const field = state.fields.find(
    (f) =>
      f.custom && (cf ? f.id === `customfield_${cf[1] ?? ''}` : f.name.toLowerCase() === ref.toLowerCase()),
  );
  if (!field) {
    throw jiraErrors.badRequest(`Field '${ref}' does not exist or you do not have permission to view it.`);
  }
  if (field.schema?.type === 'option') {
    const options = state.fieldContexts.filter((c) => c.fieldId === field.id).flatMap((c) => c.options);
    for (const v of values) {
      if (!options.some((o) => o.value.toLowerCase() === v.toLowerCase() || o.id === v)) {
        throw jiraErrors.badRequest(`The option '${v}' for field '${field.name}' does not exist.`);
      }
    }
  }
  const wanted = new Set(values.map((v) => v.toLowerCase()));
  return (issue) => {
    const value: unknown = issue.fields[field.id];
    const option: Array<[string, unknown]> =
      typeof value === 'object' && value !== null ? Object.entries(value) : [];
    const text: unknown = option.find(([k]) => k === 'value')?.[1] ?? value;
    const id: unknown = option.find(([k]) => k === 'id')?.[1];
    return (
      (typeof text === 'string' && wanted.has(text.toLowerCase())) ||
      (typeof id === 'string' && wanted.has(id.toLowerCase()))
    );
  };
}

function datePredicate(clause: Extract<Clause, { kind: 'date' }>, now: Date): Predicate {
  const bound = jqlDateMs(clause.value, now);
  const { field, op } = clause;
  return (i) => {
    const t = issueFacts.timeMs(i, field);
    return op === '>='
      ? t >= bound
      : op === '>'
        ? t > bound
        : op === '<='
          ? t <= bound
          : op === '<'
            ? t < bound
            : t === bound;
  };
}

function comparator(query: JqlQuery): (a: StoredIssue, b: StoredIssue) => number {
  const order = query.orderBy.length > 0 ? query.orderBy : [{ field: 'created' as const, descending: true }];
  const keyCompare = (a: StoredIssue, b: StoredIssue) =>
    a.projectKey === b.projectKey ? a.keyNumber - b.keyNumber : a.projectKey < b.projectKey ? -1 : 1;
  return (a, b) => {
    for (const { field, descending } of order) {
      let c = 0;
      if (field === 'key') c = keyCompare(a, b);
      else if (field === 'rank')
        c = issueFacts.rank(a) < issueFacts.rank(b) ? -1 : issueFacts.rank(a) > issueFacts.rank(b) ? 1 : 0;
      else c = issueFacts.timeMs(a, field) - issueFacts.timeMs(b, field);
      if (c !== 0) return descending ? -c : c;
    }
    return keyCompare(a, b);
  };
}

/** Runs a JQL query as the caller: hidden issues are silently omitted, as Jira does. Returns issue ids. */
export function runJql(jql: string, state: EmulatorState, caller: Caller): string[] {
  const query = parseJql(jql);
  if (query.clauses.length === 0) {
    throw jiraErrors.badRequest(
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    );
  }
  const now = state.now();
  const predicates = query.clauses.map((clause) => {
    const p = clause.kind === 'list' ? listPredicate(clause, state, caller) : datePredicate(clause, now);
    return clause.kind === 'list' && clause.negated ? (i: StoredIssue) => !p(i) : p;
  });
  const hits: StoredIssue[] = [];
  for (const issue of state.issues.values()) {
    if (!canSeeIssue(caller, issue)) continue;
    if (predicates.every((p) => p(issue))) hits.push(issue);
  }
  return hits.sort(comparator(query)).map((i) => i.id);
}
