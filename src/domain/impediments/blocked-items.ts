/**
 * The issues an impediment blocks, read from its own `issuelinks` (Jira's link JSON: on issue X,
 * `outwardIssue: Y` means "X <outward phrase> Y"). The impediment blocks Y when it is the link's
 * prerequisite end under the program's dependency types (DOMAIN.md, Dependencies).
 */
import type { PolarityOf } from '../normalise/link-direction';
import { objectAt, stringAt } from '../normalise/json-guards';

export function blockedKeysOf(issuelinks: unknown, polarityOf: PolarityOf): string[] {
  if (!Array.isArray(issuelinks)) return [];
  const keys = new Set<string>();
  for (const value of issuelinks) {
    const link = objectAt(value);
    const type = polarityOf(objectAt(link?.type));
    const outward = objectAt(link?.outwardIssue);
    const other = stringAt((outward ?? objectAt(link?.inwardIssue))?.key);
    if (!type || !other) continue;
    const impedimentIsSource = outward !== undefined;
    if (impedimentIsSource === (type.polarity === 'source-provides')) keys.add(other);
  }
  return [...keys].sort();
}
