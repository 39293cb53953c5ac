/**
 * The escalation ladder as a state machine (DOMAIN.md "Impediments"): an open impediment sits at one
 * level; escalate moves it one level up, de-escalate one level down, resolve closes it where it is.
 * Every transition is checked here, so a move the ladder does not allow can never be written.
 */
import type { EscalationMove, EscalationRecord, MoveAction } from './escalation-record';
import { currentLevelName } from './ladder-levels';

export interface LadderLevel {
  /** Stable across renames (ladder-levels.ts); the name is its label. Hand-built ladders may omit it. */
  id?: string | undefined;
  name: string;
  formerNames?: readonly string[] | undefined;
  /** A user account id or a group name (config); shown and notified, never used to authorise. */
  owner?: string | undefined;
  /** Whether `owner` is a user or a group id; undefined for owners saved before the picker. */
  ownerKind?: 'user' | 'group' | undefined;
  slaDays: number | null;
}

export type LadderAction = Exclude<MoveAction, 'raise'>;

export interface ImpedimentState {
  level: string;
  resolved: boolean;
}

export type Transition = { ok: true; from: string; to: string } | { ok: false; reason: string };

/**
 * Where an impediment stands: the last move, else the select field, else the bottom of the ladder.
 * The field may still carry a level's former name (its option not yet renamed): read as the level.
 */
export function stateOf(
  record: EscalationRecord,
  ladder: readonly LadderLevel[],
  fieldLevel?: string,
  done = false,
): ImpedimentState {
  const last = record.history.at(-1);
  const field = fieldLevel === undefined ? undefined : currentLevelName(ladder, { name: fieldLevel });
  const level = last?.to ?? field ?? ladder[0]?.name ?? 'Team';
  return { level, resolved: done || last?.action === 'resolve' };
}

export function transition(
  state: ImpedimentState,
  action: LadderAction,
  ladder: readonly LadderLevel[],
): Transition {
  if (state.resolved) return { ok: false, reason: 'the impediment is already resolved' };
  const index = ladder.findIndex((l) => l.name === state.level);
  if (action === 'resolve') return { ok: true, from: state.level, to: state.level };
  // A level no longer in the ladder (renamed in the settings): escalation restarts from the bottom.
  if (index < 0) {
    const bottom = ladder[0];
    if (action === 'escalate' && bottom) return { ok: true, from: state.level, to: bottom.name };
    return { ok: false, reason: `the level "${state.level}" is not on the ladder` };
  }
  const target = ladder[action === 'escalate' ? index + 1 : index - 1];
  if (!target) {
    return {
      ok: false,
      reason:
        action === 'escalate'
          ? `${state.level} is the top of the ladder`
          : `${state.level} is the bottom of the ladder`,
    };
  }
  return { ok: true, from: state.level, to: target.name };
}

/** Which actions the ladder allows now (for the UI's buttons). */
export function allowedActions(state: ImpedimentState, ladder: readonly LadderLevel[]) {
  return {
    escalate: transition(state, 'escalate', ladder).ok,
    deEscalate: transition(state, 'de-escalate', ladder).ok,
    resolve: transition(state, 'resolve', ladder).ok,
  };
}

/** The record after one more move: version + 1, the move appended. */
export function appendMove(record: EscalationRecord, move: EscalationMove): EscalationRecord {
  return { version: record.version + 1, history: [...record.history, move] };
}

/** Every move starts where the previous one ended: the invariant the property tests check. */
export function movesChain(history: readonly EscalationMove[]): boolean {
  return history.every((move, i) => {
    const previous = history[i - 1];
    if (!previous) return true;
    return move.from === previous.to && previous.action !== 'resolve';
  });
}
