/**
 * Who owns a ladder level. The admin page's picker stores a user's account id or a group's id with its
 * kind; configs saved before it name an account id or a group name, and Jira tells which (a user lookup
 * that finds nobody means a group). Answers are kept briefly per invocation container.
 */
import type { JiraClient } from '../../jira/client';
import { findUser } from '../../jira/impediment-requests';
import { bulkGroups } from '../../jira/people-requests';
import type { Owner } from '../../shared/impediment-contract';

const TTL_MS = 10 * 60_000;
const cache = new Map<string, { until: number; owner: Owner }>();

export type OwnerKind = 'user' | 'group';

async function lookUp(client: JiraClient, owner: string, kind: OwnerKind | undefined): Promise<Owner> {
  if (kind === 'group') {
    const [group] = await bulkGroups(client, { groupIds: [owner], names: [] });
    return { kind: 'group', id: owner, displayName: group?.name ?? owner };
  }
  const user = await findUser(client, owner);
  if (user) return { kind: 'user', id: user.accountId, displayName: user.displayName ?? user.accountId };
  return { kind: 'group', id: owner, displayName: owner };
}

export async function resolveOwner(
  client: JiraClient,
  owner: string | undefined,
  nowMs: number,
  kind?: OwnerKind,
): Promise<Owner | null> {
  if (owner === undefined) return null;
  const key = `${kind ?? '?'}:${owner}`;
  const cached = cache.get(key);
  if (cached && cached.until > nowMs) return cached.owner;
  const resolved = await lookUp(client, owner, kind);
  if (cache.size > 200) cache.clear();
  cache.set(key, { until: nowMs + TTL_MS, owner: resolved });
  return resolved;
}

/**
 * How Jira's notify names a group owner: by id when the picker stored one (ids survive renames),
 * else by the name older configs hold.
 */
export function groupRecipient(
  owner: string,
  kind: OwnerKind | undefined,
): { groupId: string } | { name: string } {
  return kind === 'group' ? { groupId: owner } : { name: owner };
}

/** For tests and after the ladder changed. */
export function forgetOwners(): void {
  cache.clear();
}
