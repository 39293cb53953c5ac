/**
 * Moves epics within the MetaScrum order: to the top or bottom, or next to another. Absolute, so
 * applying the same move twice gives the same order (a relative "up" sent twice would move it twice).
 * Shared by the resolvers (which save a move) and the panel (which shows a dry run's moves before they
 * are saved), so that the order previewed is the order saved. No zod here: the UI bundle imports it.
 */

/** A dry run saves at most this many moves at once (a longer draft is a new order, not a few moves). */
export const MAX_DRAFT_MOVES = 50;

export type EpicMoveRequest =
  { key: string; to: 'top' | 'bottom' } | { key: string; to: 'before' | 'after'; anchor: string };

/** The new order, or undefined when `key` (or `before`) is not in `order`. */
export function moveEpic(order: readonly string[], move: EpicMoveRequest): string[] | undefined {
  if (!order.includes(move.key)) return undefined;
  const rest = order.filter((k) => k !== move.key);
  let at: number;
  switch (move.to) {
    case 'top':
      at = 0;
      break;
    case 'bottom':
      at = rest.length;
      break;
    case 'before':
    case 'after':
      at = rest.indexOf(move.anchor);
      if (at < 0) return undefined;
      if (move.to === 'after') at++;
      break;
  }
  return [...rest.slice(0, at), move.key, ...rest.slice(at)];
}

/** A move as the panel records it (the contract's shape): `anchor` is there for "before" and "after". */
export interface DraftMove {
  key: string;
  to: 'top' | 'bottom' | 'before' | 'after';
  anchor?: string | undefined;
}

/** The move, or undefined when it is "before" or "after" without an anchor. */
export function asMoveRequest(move: DraftMove): EpicMoveRequest | undefined {
  if (move.to === 'top' || move.to === 'bottom') return { key: move.key, to: move.to };
  return move.anchor === undefined ? undefined : { key: move.key, to: move.to, anchor: move.anchor };
}

/**
 * The order after each move in turn, or the first move that cannot be made (its index, and `anchor`
 * when only the epic it names is missing), as a later move may name an anchor an earlier one placed.
 */
export function applyMoves(
  order: readonly string[],
  moves: readonly DraftMove[],
): { order: string[] } | { failed: number; field: 'key' | 'anchor' } {
  let next = [...order];
  for (const [i, draft] of moves.entries()) {
    const move = asMoveRequest(draft);
    const moved = move && moveEpic(next, move);
    if (!moved) return { failed: i, field: next.includes(draft.key) ? 'anchor' : 'key' };
    next = moved;
  }
  return { order: next };
}

/** How the change is shown to the next person who opens the panel. */
export function describeMove(move: EpicMoveRequest): string {
  switch (move.to) {
    case 'top':
      return `moved ${move.key} to the top`;
    case 'bottom':
      return `moved ${move.key} to the bottom`;
    case 'before':
      return `moved ${move.key} above ${move.anchor}`;
    case 'after':
      return `moved ${move.key} below ${move.anchor}`;
  }
}

/** A dry run's moves as one line of the order's history (the first few named). */
export function describeMoves(moves: readonly DraftMove[]): string {
  const shown = moves
    .slice(0, 3)
    .flatMap((m) => asMoveRequest(m) ?? [])
    .map(describeMove)
    .join('; ');
  return moves.length <= 3 ? shown : `${shown}; and ${moves.length - 3} more moves`;
}
