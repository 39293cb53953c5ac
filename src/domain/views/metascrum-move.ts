/**
 * Moves one epic within the MetaScrum order: to the top or bottom, or next to another. Absolute, so
 * applying the same move twice gives the same order (a relative "up" sent twice would move it twice).
 */
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
