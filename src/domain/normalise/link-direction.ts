/**
 * Which link types are dependencies, and which end is the prerequisite. Default: every type whose
 * outward phrase reads like "blocks" or "depends on" (link-polarity.ts); a configured list replaces
 * the default. Memoised per type name, since every issue repeats the same few types.
 */
import type { ProgramConfig } from '../config/program-config';
import { dependencyPolarity, type LinkPolarity } from '../dependencies/link-polarity';
import { stringAt, type JsonObject } from './json-guards';

export interface DependencyType {
  name: string;
  polarity: LinkPolarity;
}

export type PolarityOf = (type: JsonObject | undefined) => DependencyType | undefined;

function classify(
  name: string,
  phrases: { inward: string; outward: string },
  config: ProgramConfig,
): LinkPolarity | undefined {
  const configured = config.dependencies.linkTypes;
  const type = { name, ...phrases };
  if (configured === undefined) return dependencyPolarity(type);
  const rule = configured.find(
    (r) => (typeof r === 'string' ? r : r.name).toLowerCase() === name.toLowerCase(),
  );
  if (typeof rule === 'string') return dependencyPolarity(type) ?? 'source-provides';
  if (!rule) return undefined;
  return rule.prerequisite === 'source' ? 'source-provides' : 'source-needs';
}

/** A memoised classifier of raw link `type` objects under the given config. */
export function linkPolarityFor(config: ProgramConfig): PolarityOf {
  const cache = new Map<string, { outward: string; result: DependencyType | undefined }>();
  return (type) => {
    const name = stringAt(type?.name);
    if (!name) return undefined;
    const outward = stringAt(type?.outward) ?? '';
    const cached = cache.get(name);
    if (cached && cached.outward === outward) return cached.result;
    const polarity = classify(name, { inward: stringAt(type?.inward) ?? '', outward }, config);
    const result = polarity ? { name, polarity } : undefined;
    cache.set(name, { outward, result });
    return result;
  };
}
