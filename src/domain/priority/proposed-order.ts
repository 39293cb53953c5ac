/**
 * A proposed MetaScrum order laid over the whole current one: the proposal lists some epics (those the
 * user sees, or only the ones being moved) in their new order; they take the places those same epics hold
 * now, in the proposed order, and every other epic keeps its place. So a user who sees part of the program
 * reorders their part without moving, or learning about, the rest.
 */
export function proposedOrder(current: readonly string[], proposal: readonly string[]): string[] {
  const proposed = new Set(proposal);
  const next = proposal[Symbol.iterator]();
  return current.map((key) => (proposed.has(key) ? (next.next().value ?? key) : key));
}
