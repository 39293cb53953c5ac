/**
 * Whether the user may escalate each impediment a board shows, asked of Jira as the user before the
 * button is offered (`permissions/check`, batched, cached like the other checks): the escalate resolver
 * would refuse the rest (move-impediment.ts asks for the same permissions before it writes).
 * An Impediment issue is escalated by editing and commenting on it; a flagged item's first escalation
 * creates an Impediment issue in its project and links it (escalate-flag.ts).
 */
import { issuePermissions, type IssuePermission } from '../../jira/permissions';
import type { EscalateRight } from '../../shared/contract';
import { PERMISSION_LABELS } from '../acting-as-user';
import type { Viewer } from '../viewer';

export interface EscalatedIssue {
  key: string;
  /** Jira's issue id; '' when the analysis predates ids (then the resolver alone decides). */
  id: string;
  source: 'issue-type' | 'flag';
}

const NEEDS: Record<EscalatedIssue['source'], IssuePermission[]> = {
  'issue-type': ['EDIT_ISSUES', 'ADD_COMMENTS'],
  flag: ['CREATE_ISSUES', 'LINK_ISSUES'],
};
const ALL_NEEDS = [...new Set(Object.values(NEEDS).flat())];
const UNCHECKED: EscalateRight = { allowed: true, reason: null };

const TTL_MS = 60_000;
const MAX_ENTRIES = 500;
const cache = new Map<string, { until: number; held: Map<IssuePermission, Set<string>> }>();

/** Per issue key: may the user escalate it, and if not, why (naming the permission Jira lacks). */
export async function escalateRights(
  viewer: Viewer,
  issues: readonly EscalatedIssue[],
  /** The analysis version the issues come from: a new analysis may hold other issues. */
  analysisVersion: string,
): Promise<Map<string, EscalateRight>> {
  const rights = new Map<string, EscalateRight>();
  const checked = issues.filter((i) => i.id !== '');
  for (const i of issues) if (i.id === '') rights.set(i.key, UNCHECKED);
  if (checked.length === 0) return rights;
  const ids = [...new Set(checked.map((i) => i.id))].sort();
  // Per account, analysis and issue set: one user opening the board several times a minute asks once.
  const cacheKey = `${viewer.accountId ?? ''}:${analysisVersion}:${ids.join(',')}`;
  const cached = viewer.accountId === undefined ? undefined : cache.get(cacheKey);
  const held =
    cached && cached.until > viewer.now ? cached.held : await issuePermissions(viewer.asUser, ALL_NEEDS, ids);
  if (viewer.accountId !== undefined && cached?.held !== held) {
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value ?? '');
    cache.set(cacheKey, { until: viewer.now + TTL_MS, held });
  }
  for (const i of checked) {
    const missing = NEEDS[i.source].filter((p) => !held.get(p)?.has(i.id));
    rights.set(
      i.key,
      missing.length === 0
        ? { allowed: true, reason: null }
        : {
            allowed: false,
            reason: `You need the ${missing.map((p) => PERMISSION_LABELS[p]).join(' and ')} permission${missing.length === 1 ? '' : 's'} on ${i.key} to escalate it.`,
          },
    );
  }
  return rights;
}

/** For tests and for a user whose permissions just changed. */
export function forgetEscalateRights(): void {
  cache.clear();
}
