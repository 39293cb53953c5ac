/** Moves one epic within the MetaScrum order: up or down one place, to the top or bottom, or above another. */
export type EpicMoveRequest =
  | { key: string; to: 'up' | 'down' | 'top' | 'bottom' }
  | { key: string; to: 'before' | 'after'; anchor: string };

/** The new order, or undefined when `key` (or `before`) is not in `order`. */
export function moveEpic(order: readonly string[], move: EpicMoveRequest): string[] | undefined {
  const from = order.indexOf(move.key);
  if (from < 0) return undefined;
  const rest = order.filter((k) => k !== move.key);
  let at: number;
  switch (move.to) {
    case 'top':
      at = 0;
      break;
    case 'bottom':
      at = rest.length;
      break;
    case 'up':
      at = Math.max(0, from - 1);
      break;
    case 'down':
      at = Math.min(rest.length, from + 1);
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
    case 'up':
      return `moved ${move.key} up`;
    case 'down':
      return `moved ${move.key} down`;
    case 'before':
      return `moved ${move.key} above ${move.anchor}`;
    case 'after':
      return `moved ${move.key} below ${move.anchor}`;
  }
}
