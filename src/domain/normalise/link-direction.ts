/**
 * Which link types are dependencies, and which end is the prerequisite. Default: every type whose
 * phrases read like "blocks" or "depends on" (link-polarity.ts); a configured list replaces the default
 * and wins over the phrases. Memoised per type name, since every issue repeats the same few types.
 */
import type { ProgramConfig } from '../config/program-config';
import { classifyLinkType, type LinkPolarity, type LinkTypePhrases } from '../dependencies/link-polarity';
import { stringAt, type JsonObject } from './json-guards';

export interface DependencyType {
  name: string;
  polarity: LinkPolarity;
}

export type PolarityOf = (type: JsonObject | undefined) => DependencyType | undefined;

/** A link type as the report and the admin page show it. */
export interface LinkTypeVerdict {
  name: string;
  dependency: 'prerequisite is the source' | 'prerequisite is the target' | null;
  reason: string;
}

export interface ConfiguredClassification {
  polarity: LinkPolarity | undefined;
  reason: string;
  /** Set when the type reads like a dependency but is not one: the analysis warns about it. */
  warning: string | undefined;
}

/** Classifies a link type under the config: a configured list wins over the phrases. */
export function classifyConfigured(type: LinkTypePhrases, config: ProgramConfig): ConfiguredClassification {
  const configured = config.dependencies.linkTypes;
  const phrases = classifyLinkType(type);
  if (configured === undefined) {
    return {
      polarity: phrases.polarity,
      reason: phrases.reason,
      warning: phrases.suspicious
        ? `link type "${type.name}" looks like a dependency but is not classified (${phrases.reason}); ` +
          'name it in dependencies.linkTypes with its prerequisite end to count it'
        : undefined,
    };
  }
  const rule = configured.find(
    (r) => (typeof r === 'string' ? r : r.name).toLowerCase() === type.name.toLowerCase(),
  );
  if (rule === undefined) {
    return { polarity: undefined, reason: 'not in the configured dependency link types', warning: undefined };
  }
  if (typeof rule !== 'string') {
    const polarity = rule.prerequisite === 'source' ? 'source-provides' : 'source-needs';
    return { polarity, reason: `configured: prerequisite is the ${rule.prerequisite}`, warning: undefined };
  }
  if (phrases.polarity !== undefined) {
    return { polarity: phrases.polarity, reason: `configured; ${phrases.reason}`, warning: undefined };
  }
  // Named without a direction and its phrases do not tell: read it like "blocks", and say so.
  return {
    polarity: 'source-provides',
    reason:
      'configured without a prerequisite end; read like "blocks" (the outward issue is the prerequisite)',
    warning: `link type "${type.name}" is configured as a dependency, but its phrases do not say which end is the prerequisite; read like "blocks"`,
  };
}

export function verdictOf(type: LinkTypePhrases, config: ProgramConfig): LinkTypeVerdict {
  const { polarity, reason } = classifyConfigured(type, config);
  const dependency =
    polarity === undefined
      ? null
      : polarity === 'source-provides'
        ? 'prerequisite is the source'
        : 'prerequisite is the target';
  return { name: type.name, dependency, reason };
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
    const { polarity } = classifyConfigured({ name, inward: stringAt(type?.inward) ?? '', outward }, config);
    const result = polarity ? { name, polarity } : undefined;
    cache.set(name, { outward, result });
    return result;
  };
}
