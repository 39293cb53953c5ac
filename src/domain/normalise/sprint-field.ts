/**
 * The sprint field of an issue: Jira Cloud sends an array of sprint objects; older sites send strings
 * like `com.atlassian.greenhopper.service.sprint.Sprint@1f[id=12,rapidViewId=3,state=ACTIVE,...]`.
 * Both become {@link ProgramSprint}s; anything else is skipped.
 */
import { z } from 'zod';
import { NO_SPRINTS, type ProgramSprint } from '../model/program-model';
import { readDateMs } from './jira-values';
import { arrayAt, isObject } from './json-guards';

const SprintObject = z.object({
  id: z.number().int(),
  name: z.string().catch(''),
  state: z.string().catch(''),
  boardId: z.number().int().optional().catch(undefined),
  originBoardId: z.number().int().optional().catch(undefined),
  startDate: z.string().optional().catch(undefined),
  endDate: z.string().optional().catch(undefined),
  completeDate: z.string().optional().catch(undefined),
});

function stateOf(raw: string): ProgramSprint['state'] | undefined {
  const state = raw.toLowerCase();
  return state === 'active' || state === 'closed' || state === 'future' ? state : undefined;
}

function fromLegacyString(text: string): ProgramSprint | undefined {
  const body = /\[(.*)\]\s*$/.exec(text)?.[1];
  if (body === undefined) return undefined;
  const attrs = new Map<string, string>();
  for (const part of body.split(/,(?=[a-zA-Z]+=)/)) {
    const eq = part.indexOf('=');
    if (eq > 0) attrs.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const id = Number(attrs.get('id'));
  const state = stateOf(attrs.get('state') ?? '');
  if (!Number.isInteger(id) || !state) return undefined;
  const board = Number(attrs.get('rapidViewId'));
  return {
    id,
    name: attrs.get('name') ?? `Sprint ${id}`,
    state,
    boardId: Number.isInteger(board) ? board : undefined,
    startMs: readDateMs(attrs.get('startDate')),
    endMs: readDateMs(attrs.get('endDate')),
    completeMs: readDateMs(attrs.get('completeDate')),
    estimated: false,
  };
}

/** One sprint object (from the field or from `board/{id}/sprint`), or undefined when unreadable. */
export function readSprint(value: unknown): ProgramSprint | undefined {
  if (typeof value === 'string') return fromLegacyString(value);
  const parsed = SprintObject.safeParse(value);
  if (!parsed.success) return undefined;
  const s = parsed.data;
  const state = stateOf(s.state);
  if (!state) return undefined;
  return {
    id: s.id,
    name: s.name || `Sprint ${s.id}`,
    state,
    boardId: s.originBoardId ?? s.boardId,
    startMs: readDateMs(s.startDate),
    endMs: readDateMs(s.endDate),
    completeMs: readDateMs(s.completeDate),
    estimated: false,
  };
}

/** The sprint id of one sprint-field entry, cheaply (object or legacy string), or undefined. */
export function sprintIdOf(value: unknown): number | undefined {
  if (isObject(value))
    return typeof value.id === 'number' && Number.isInteger(value.id) ? value.id : undefined;
  if (typeof value !== 'string') return undefined;
  const id = Number(/[[,]id=(\d+)/.exec(value)?.[1]);
  return Number.isInteger(id) ? id : undefined;
}

/**
 * The sprint ids of an issue's sprint field; `known` tells which sprints are catalogued already, so
 * each sprint object is fully read once per program, not once per issue.
 */
export function readSprintField(
  value: unknown,
  known: ReadonlyMap<number, ProgramSprint>,
  learn: (sprint: ProgramSprint) => void,
): readonly number[] {
  const entries = arrayAt(value);
  if (entries.length === 0) return NO_SPRINTS;
  let count = 0;
  for (const entry of entries) {
    const id = sprintIdOf(entry);
    if (id === undefined) continue;
    if (!known.has(id)) {
      const sprint = readSprint(entry);
      if (!sprint) continue;
      learn(sprint);
    }
    scratch[count++] = id;
  }
  if (count === 1) return oneSprint(scratch[0] ?? 0);
  return scratch.slice(0, count);
}

/**
 * Most items are in one sprint: they share one list per sprint id instead of each keeping its own
 * (fewer live objects for the garbage collector to copy). Bounded, as the kinds cache is. Read-only
 * by type, not frozen (see NO_SPRINTS: a frozen array is slow to iterate).
 */
const singleSprintLists = new Map<number, readonly number[]>();
function oneSprint(id: number): readonly number[] {
  let list = singleSprintLists.get(id);
  if (list === undefined) {
    list = [id];
    if (singleSprintLists.size < 10_000) singleSprintLists.set(id, list);
  }
  return list;
}

/**
 * Ids are gathered here and copied out at their exact length: every item keeps its list, and one
 * grown by push from empty keeps room for 16+ ids (memory the garbage collector copies, 100k times).
 */
const scratch: number[] = [];
