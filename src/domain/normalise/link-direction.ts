/**
 * Which configured link types are dependencies, and which end is the prerequisite. Default: every
 * type whose outward phrase reads like "blocks" or "depends on" (link-polarity.ts); a configured list
 * replaces the default. On issue X, `outwardIssue: Y` means "X <outward> Y" (Jira's link JSON).
 */
import type { ProgramConfig } from '../config/program-config';
import { dependencyPolarity, type LinkPolarity } from '../dependencies/link-polarity';

export interface LinkTypePhrases {
  name: string;
  inward: string;
  outward: string;
}

export type PolarityOf = (type: LinkTypePhrases) => LinkPolarity | undefined;

/** A memoised classifier for link types under the given config. */
export function linkPolarityFor(config: ProgramConfig): PolarityOf {
  const configured = config.dependencies.linkTypes;
  const cache = new Map<string, LinkPolarity | undefined>();
  return (type) => {
    const cacheKey = `${type.name}\u0000${type.outward}`;
    if (cache.has(cacheKey)) return cache.get(cacheKey);
    let polarity: LinkPolarity | undefined;
    if (configured === undefined) polarity = dependencyPolarity(type);
    else {
      const rule = configured.find(
        (r) => (typeof r === 'string' ? r : r.name).toLowerCase() === type.name.toLowerCase(),
      );
      if (typeof rule === 'string') polarity = dependencyPolarity(type) ?? 'source-provides';
      else if (rule) polarity = rule.prerequisite === 'source' ? 'source-provides' : 'source-needs';
    }
    cache.set(cacheKey, polarity);
    return polarity;
  };
}

/** The prerequisite and dependant keys of one link entry found on issue `holder`. */
export function prerequisiteOf(
  holder: string,
  other: string,
  otherSide: 'outward' | 'inward',
  polarity: LinkPolarity,
): { from: string; to: string } {
  const source = otherSide === 'outward' ? holder : other;
  const target = otherSide === 'outward' ? other : holder;
  return polarity === 'source-provides' ? { from: source, to: target } : { from: target, to: source };
}
