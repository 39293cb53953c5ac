/**
 * Who owns a ladder level. The config names a user account id or a group name; Jira tells which: a
 * user lookup that finds nobody means a group. Answers are kept briefly per invocation container.
 */
import type { JiraClient } from '../../jira/client';
import { findUser } from '../../jira/impediment-requests';
import type { Owner } from '../../shared/impediment-contract';

const TTL_MS = 10 * 60_000;
const cache = new Map<string, { until: number; owner: Owner }>();

export async function resolveOwner(
  client: JiraClient,
  owner: string | undefined,
  nowMs: number,
): Promise<Owner | null> {
  if (owner === undefined) return null;
  const cached = cache.get(owner);
  if (cached && cached.until > nowMs) return cached.owner;
  const user = await findUser(client, owner);
  const resolved: Owner = user
    ? { kind: 'user', id: user.accountId, displayName: user.displayName ?? user.accountId }
    : { kind: 'group', id: owner, displayName: owner };
  if (cache.size > 200) cache.clear();
  cache.set(owner, { until: nowMs + TTL_MS, owner: resolved });
  return resolved;
}

/** For tests and after the ladder changed. */
export function forgetOwners(): void {
  cache.clear();
}
