/**
 * One wording for a dependency cycle on every surface (issue panel, gadget, report): the closed path in
 * dependency order, prerequisite → dependant as the map draws its arrows, so "A → B → A" reads "B needs
 * A and A needs B". A member the reader may not see is `null` and reads as HIDDEN_ISSUE.
 */
export const HIDDEN_ISSUE = 'an issue you cannot see';
export const CYCLE_ARROW = ' → ';
export const CYCLE_READING = 'each issue needs the one before it';

export function cycleText(path: readonly (string | null)[]): string {
  return path.map((key) => key ?? HIDDEN_ISSUE).join(CYCLE_ARROW);
}
