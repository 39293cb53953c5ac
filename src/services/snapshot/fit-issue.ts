/**
 * An issue too large for a storage chunk (a hub epic with 1,900 links) is trimmed, never dropped: first
 * its links' other ends lose their copied fields, then links are left out, dependency links kept first
 * (they are what the engine reads), the rest in Jira's order, until the issue fits. The same issue always
 * trims the same way, and the caller records a warning naming the issue and what was left out.
 */
import { classifyLinkType } from '../../domain/dependencies/link-polarity';
import type { PartialReason } from '../../shared/contract';
import type { StoredIssue } from '../../storage/snapshot-schema';
import { withoutLinkedIssueFields } from './compact-issue';

const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');
const utf8Bytes = (json: string): number => Buffer.byteLength(json, 'utf8');

function isDependencyLink(link: unknown): boolean {
  const type: unknown = typeof link === 'object' && link !== null ? Reflect.get(link, 'type') : undefined;
  if (typeof type !== 'object' || type === null) return false;
  const name: unknown = Reflect.get(type, 'name');
  const inward: unknown = Reflect.get(type, 'inward');
  const outward: unknown = Reflect.get(type, 'outward');
  if (typeof name !== 'string' || typeof inward !== 'string' || typeof outward !== 'string') return false;
  return classifyLinkType({ name, inward, outward }).polarity !== undefined;
}

export interface FittedIssue {
  issue: StoredIssue;
  /** The issue's JSON as its chunk stores it: serialised once, for the size check and the write. */
  json: string;
  /** Links left out (0 when the issue fitted as it was or with its links slimmed). */
  linksLeftOut: number;
}

/** The issue as it fits in `maxBytes` (JSON), or undefined when even without links it does not. */
export function fitIssue(issue: StoredIssue, maxBytes: number): FittedIssue | undefined {
  const json = JSON.stringify(issue);
  // A UTF-8 byte is at most three UTF-16 units' worth: most issues fit without counting their bytes.
  if (json.length * 3 <= maxBytes || utf8Bytes(json) <= maxBytes) return { issue, json, linksLeftOut: 0 };
  const slim = withoutLinkedIssueFields(issue);
  const slimJson = JSON.stringify(slim);
  if (utf8Bytes(slimJson) <= maxBytes) return { issue: slim, json: slimJson, linksLeftOut: 0 };
  const links: unknown[] = Array.isArray(slim.fields.issuelinks) ? slim.fields.issuelinks : [];
  const bare = { ...slim, fields: { ...slim.fields, issuelinks: [] } };
  let budget = maxBytes - bytesOf(bare);
  if (budget < 0) return undefined;
  const ranked = links
    .map((link, index) => ({ link, index, rank: isDependencyLink(link) ? 0 : 1 }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index);
  const kept = new Set<number>();
  for (const { link, index } of ranked) {
    const size = bytesOf(link) + 1;
    if (size > budget) break;
    budget -= size;
    kept.add(index);
  }
  const issuelinks = links.filter((_, index) => kept.has(index));
  const trimmed = { ...slim, fields: { ...slim.fields, issuelinks } };
  return { issue: trimmed, json: JSON.stringify(trimmed), linksLeftOut: links.length - issuelinks.length };
}

/** The warning for a trimmed (or, with no room even for its own fields, unstorable) issue. */
export function trimWarning(key: string, fitted: FittedIssue | undefined): PartialReason | undefined {
  if (!fitted)
    return { scope: key, reason: 'the issue is larger than a storage chunk even without its links' };
  if (fitted.linksLeftOut === 0) return undefined;
  return {
    scope: key,
    reason: `${fitted.linksLeftOut} of its links were left out to fit a storage chunk (dependency links kept first)`,
  };
}
