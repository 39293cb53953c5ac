/**
 * The impediment part of the contract (issue 6): escalation ladder actions, history and backlogs.
 * Kept apart from contract.ts so the two can grow independently; contract.ts merges it in.
 */
export const impedimentContract = {} as const;
