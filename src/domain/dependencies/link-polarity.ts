/**
 * Which end of an issue link is the prerequisite. `A blocks B` means B needs A (DOMAIN.md); a type
 * phrased the other way round ("A depends on B") means A needs B. Both phrases of a type are read:
 * sites name custom types either way round ("is depended upon by" as the outward phrase, "depends upon"
 * as the inward one), and a type whose outward phrase is generic may still say it in its inward one.
 * Relates, clones, duplicates and causes are never dependencies, whatever else they say.
 */
export interface LinkTypePhrases {
  name: string;
  inward: string;
  outward: string;
}

/** Whether the source of the outward phrase provides to, or needs, the other issue. */
export type LinkPolarity = 'source-provides' | 'source-needs';

export interface LinkClassification {
  polarity: LinkPolarity | undefined;
  /** Why, in words an admin can check against the type's phrases. */
  reason: string;
  /** Unclassified, yet its name or phrases read like a dependency: worth a warning. */
  suspicious: boolean;
}

/** "X <phrase> Y" where X comes first: X is the prerequisite. */
const COMES_FIRST =
  /\b(blocks|is a prerequisite (of|for)|is depended (on|upon) by|is required by|is needed by|must (be done|finish) before)\b/i;
/** "X <phrase> Y" where X waits: Y is the prerequisite. */
const WAITS =
  /\b(is blocked by|depends (on|upon)|is dependent (on|upon)|requires|has (a )?prerequisite|needs)\b/i;
const NEVER =
  /\b(relates?( to)?|clones|is cloned by|cloners?|duplicates?|is duplicated by|causes|is caused by)\b/i;
const LOOKS_LIKE = /block|depend|prerequisite|requir|need|wait/i;

type Reading = 'first' | 'waits' | undefined;

function read(phrase: string): Reading {
  if (COMES_FIRST.test(phrase)) return 'first';
  if (WAITS.test(phrase)) return 'waits';
  return undefined;
}

const quoted = (phrase: string) => `"${phrase}"`;

/** Classifies a link type by both of its phrases (the default when no link types are configured). */
export function classifyLinkType(type: LinkTypePhrases): LinkClassification {
  if (NEVER.test(type.name) || NEVER.test(type.outward) || NEVER.test(type.inward)) {
    return { polarity: undefined, reason: `"${type.name}" links are never dependencies`, suspicious: false };
  }
  const outward = read(type.outward);
  // The inward phrase describes the source as seen from the target: "target is blocked by source".
  const inward = read(type.inward);
  const fromInward: Reading = inward === 'first' ? 'waits' : inward === 'waits' ? 'first' : undefined;
  if (outward !== undefined && fromInward !== undefined && outward !== fromInward) {
    return {
      polarity: undefined,
      reason: `its phrases contradict each other (outward ${quoted(type.outward)}, inward ${quoted(type.inward)})`,
      suspicious: true,
    };
  }
  const reading = outward ?? fromInward;
  if (reading === undefined) {
    const suspicious = [type.name, type.outward, type.inward].some((text) => LOOKS_LIKE.test(text));
    return {
      polarity: undefined,
      reason: `neither ${quoted(type.outward)} nor ${quoted(type.inward)} reads as a dependency`,
      suspicious,
    };
  }
  const which =
    outward !== undefined && fromInward !== undefined
      ? `outward ${quoted(type.outward)} and inward ${quoted(type.inward)}`
      : outward !== undefined
        ? `outward ${quoted(type.outward)}`
        : `inward ${quoted(type.inward)}`;
  return reading === 'first'
    ? {
        polarity: 'source-provides',
        reason: `${which}: in "A ${type.outward} B", B needs A`,
        suspicious: false,
      }
    : {
        polarity: 'source-needs',
        reason: `${which}: in "A ${type.outward} B", A needs B`,
        suspicious: false,
      };
}

/** The polarity alone (undefined for non-dependency types). */
export function dependencyPolarity(type: LinkTypePhrases): LinkPolarity | undefined {
  return classifyLinkType(type).polarity;
}
