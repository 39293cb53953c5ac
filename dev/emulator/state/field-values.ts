import { JiraError } from '../http/jira-error';
import type { EmulatorState } from './emulator-state';
import { RANK_FIELD, jiraTimestamp, type StoredIssue } from './stored-issue';

/** System fields the app may set through create/edit, besides the site's custom fields. */
const SETTABLE_SYSTEM_FIELDS = new Set([
  'summary',
  'description',
  'parent',
  'labels',
  'priority',
  'assignee',
  'duedate',
]);
export const SPRINT_FIELD = 'customfield_10020';

function notSettable(field: string): JiraError {
  return new JiraError(400, [], {
    [field]: `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`,
  });
}

function objectValue(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value))
    : undefined;
}

function parentValue(state: EmulatorState, value: unknown, baseUrl: string): unknown {
  if (value === null) return undefined;
  const ref = objectValue(value);
  const keyOrId = typeof ref?.key === 'string' ? ref.key : typeof ref?.id === 'string' ? ref.id : undefined;
  const parent = keyOrId === undefined ? undefined : state.issueByKeyOrId(keyOrId);
  if (!parent) throw new JiraError(400, [], { parent: `Could not find issue by id or key.` });
  const { summary, status, issuetype, priority } = parent.fields;
  return {
    id: parent.id,
    key: parent.key,
    self: `${baseUrl}/rest/api/3/issue/${parent.id}`,
    fields: { summary, status, issuetype, ...(priority === undefined ? {} : { priority }) },
  };
}

function optionValue(state: EmulatorState, fieldId: string, value: unknown, baseUrl: string): unknown {
  if (value === null) return null;
  const ref = objectValue(value);
  const options = state.fieldContexts.filter((c) => c.fieldId === fieldId).flatMap((c) => c.options);
  const option = options.find((o) => (ref?.id !== undefined ? o.id === ref.id : o.value === ref?.value));
  if (!option || option.disabled) {
    throw new JiraError(400, [], {
      [fieldId]: `Option value '${String(ref?.value ?? ref?.id)}' is not valid`,
    });
  }
  return { self: `${baseUrl}/rest/api/3/customFieldOption/${option.id}`, value: option.value, id: option.id };
}

function sprintValue(state: EmulatorState, value: unknown): unknown {
  if (value === null) return null;
  const sprint = state.sprints.find((s) => s.id === value);
  if (!sprint)
    throw new JiraError(400, [], {
      [SPRINT_FIELD]: `Sprint with id ${JSON.stringify(value)} does not exist.`,
    });
  const { id, name, state: sprintState, originBoardId, startDate, endDate, completeDate, goal } = sprint;
  return [
    {
      id,
      name,
      state: sprintState,
      boardId: sprint.boardId ?? originBoardId,
      goal: goal ?? '',
      startDate,
      endDate,
      completeDate,
    },
  ];
}

/** Converts one field value the way Jira stores what an edit or create sends. */
export function storedFieldValue(
  state: EmulatorState,
  field: string,
  value: unknown,
  baseUrl: string,
): unknown {
  const known = state.fields.find((f) => f.id === field);
  if (!SETTABLE_SYSTEM_FIELDS.has(field) && (!known || !known.custom || field === RANK_FIELD))
    throw notSettable(field);
  if (field === 'parent') return parentValue(state, value, baseUrl);
  if (field === SPRINT_FIELD && typeof value === 'number') return sprintValue(state, value);
  if (known?.schema?.type === 'option') return optionValue(state, field, value, baseUrl);
  if (known?.schema?.type === 'number' && value !== null && typeof value !== 'number') {
    throw new JiraError(400, [], { [field]: 'Operation value must be a number' });
  }
  return value;
}

type UpdateOps = Record<string, { set?: unknown; add?: unknown; remove?: unknown }[]>;

/** Applies `fields` (set) and `update` (set/add/remove) of an edit, then touches `updated`. */
export function applyEdit(
  state: EmulatorState,
  issue: StoredIssue,
  fields: Record<string, unknown>,
  update: UpdateOps,
  baseUrl: string,
): void {
  const next: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields))
    next[field] = storedFieldValue(state, field, value, baseUrl);
  for (const [field, ops] of Object.entries(update)) {
    let current: unknown = next[field] ?? issue.fields[field];
    for (const op of ops) {
      if ('set' in op) current = storedFieldValue(state, field, op.set, baseUrl);
      const list: unknown[] = [];
      if (Array.isArray(current)) for (const v of current) list.push(v);
      if ('add' in op) current = [...list, op.add];
      if ('remove' in op) current = list.filter((v) => JSON.stringify(v) !== JSON.stringify(op.remove));
    }
    next[field] = current;
  }
  for (const [field, value] of Object.entries(next)) {
    if (value === undefined) delete issue.fields[field];
    else issue.fields[field] = value;
  }
  issue.fields.updated = jiraTimestamp(state.now());
}
