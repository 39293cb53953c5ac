/**
 * The owner picker's answers: users and groups found as the user types, and the display names of the
 * owners a form holds. Users are kept by account id and groups by group id; names are labels.
 */
import type { JiraClient } from '../../jira/client';
import { bulkGroups, bulkUsers, searchGroups, searchUsers } from '../../jira/people-requests';
import type { Owner } from '../../shared/impediment-contract';

/** A picker shows a handful; more typing narrows it. */
const SHOWN_PER_KIND = 10;

export async function findOwners(
  asUser: JiraClient,
  query: string,
  kinds: ReadonlyArray<'user' | 'group'>,
): Promise<{ owners: Owner[] }> {
  const [users, groups] = await Promise.all([
    kinds.includes('user') ? searchUsers(asUser, query, SHOWN_PER_KIND) : [],
    kinds.includes('group') ? searchGroups(asUser, query, SHOWN_PER_KIND) : [],
  ]);
  return {
    owners: [
      ...users.map((u): Owner => ({ kind: 'user', id: u.accountId, displayName: u.displayName })),
      ...groups.map((g): Owner => ({ kind: 'group', id: g.groupId, displayName: g.name })),
    ],
  };
}

export interface OwnerRef {
  id: string;
  /** Absent for owners saved before the picker: an account id, else a group name. */
  kind?: 'user' | 'group' | undefined;
}

/** The owners Jira knows among `refs`, in their order; an unknown id is left out. */
export async function describeOwners(
  asUser: JiraClient,
  refs: readonly OwnerRef[],
): Promise<{ owners: Owner[] }> {
  const userIds = refs.filter((r) => r.kind !== 'group').map((r) => r.id);
  const users = userIds.length > 0 ? await bulkUsers(asUser, userIds) : [];
  const groupRefs = refs.filter((r) => r.kind !== 'user' && !users.some((u) => u.accountId === r.id));
  const groups =
    groupRefs.length > 0
      ? await bulkGroups(asUser, {
          groupIds: groupRefs.filter((r) => r.kind === 'group').map((r) => r.id),
          names: groupRefs.filter((r) => r.kind === undefined).map((r) => r.id),
        })
      : [];
  const owners = refs.flatMap((ref): Owner[] => {
    const user = ref.kind !== 'group' ? users.find((u) => u.accountId === ref.id) : undefined;
    if (user) return [{ kind: 'user', id: user.accountId, displayName: user.displayName }];
    const group = groups.find((g) => (ref.kind === 'group' ? g.groupId === ref.id : g.name === ref.id));
    if (group && ref.kind !== 'user') return [{ kind: 'group', id: ref.id, displayName: group.name }];
    return [];
  });
  return { owners };
}
