/**
 * The ladder's owners are checked against Jira before a save: a mistyped or deleted user or group is
 * refused with a sentence naming the level, and nothing is stored. Asked as the admin.
 */
import { fieldLabel } from '../../domain/config/field-labels';
import type { ProgramConfig } from '../../domain/config/program-config';
import type { JiraClient } from '../../jira/client';
import { InvalidFields } from '../errors';
import { describeOwners } from './owner-directory';

const WHAT = { user: 'user with the account id', group: 'group with the id', either: 'user or group' };

/** The display names of both configs' ladder owners, for the saved version's list of changes. */
export async function ladderOwnerNames(
  asUser: JiraClient,
  configs: readonly ProgramConfig[],
): Promise<(id: string) => string | undefined> {
  const refs = configs.flatMap((c) =>
    c.impediments.levels.flatMap((l) => (l.owner === undefined ? [] : [{ id: l.owner, kind: l.ownerKind }])),
  );
  if (refs.length === 0) return () => undefined;
  const { owners } = await describeOwners(asUser, refs.slice(0, 50));
  const names = new Map(
    owners.map((o) => [o.id, o.kind === 'group' ? `${o.displayName} (group)` : o.displayName]),
  );
  return (id) => names.get(id);
}

export async function refuseUnknownOwners(asUser: JiraClient, config: ProgramConfig): Promise<void> {
  const levels = config.impediments.levels;
  const refs = levels.flatMap((l) => (l.owner === undefined ? [] : [{ id: l.owner, kind: l.ownerKind }]));
  if (refs.length === 0) return;
  const { owners } = await describeOwners(asUser, refs);
  const problems = levels.flatMap((level, i) => {
    if (level.owner === undefined) return [];
    const found = owners.some(
      (o) => o.id === level.owner && (level.ownerKind === undefined || o.kind === level.ownerKind),
    );
    if (found) return [];
    const field = `impediments.levels[${i}].owner`;
    const what = WHAT[level.ownerKind ?? 'either'];
    return [
      {
        field: `config.${field}`,
        message: `${fieldLabel(field)}: Jira has no ${what} "${level.owner}" (mistyped or deleted?). Pick the owner from the list.`,
      },
    ];
  });
  if (problems.length > 0) throw new InvalidFields(problems);
}
