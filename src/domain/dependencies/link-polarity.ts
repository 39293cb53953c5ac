/**
 * Which end of an issue link is the prerequisite. `A blocks B` means B needs A (DOMAIN.md); a type
 * phrased the other way round ("A depends on B") means A needs B. Other types (relates, duplicates,
 * clones) are not dependencies.
 */
export interface LinkTypePhrases {
  name: string;
  inward: string;
  outward: string;
}

/** Whether the source of the outward phrase provides to, or needs, the other issue. */
export type LinkPolarity = 'source-provides' | 'source-needs';

const PROVIDES = /\b(blocks|is a prerequisite (of|for)|is needed by|must (be done|finish) before)\b/i;
const NEEDS = /\b(depends on|is blocked by|requires|needs)\b/i;

/**
 * The polarity of a link type read from its outward phrase, where the link's *source* is the issue that
 * holds the outward phrase ("source blocks target"). Returns undefined for non-dependency types.
 */
export function dependencyPolarity(type: LinkTypePhrases): LinkPolarity | undefined {
  if (PROVIDES.test(type.outward)) return 'source-provides';
  if (NEEDS.test(type.outward)) return 'source-needs';
  return undefined;
}
