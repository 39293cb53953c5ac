/**
 * The display names of the ladder's owners, which the config keeps by id: asked once for the ids on
 * the form, plus whatever the admin picks since (the picker already knows those names).
 */
import { useCallback, useEffect, useState } from 'react';
import type { Owner } from '../../../../src/shared/impediment-contract';
import { call } from '../../api';

type Ref = { owner?: string | undefined; ownerKind?: Owner['kind'] | undefined };

export function useOwnerNames(levels: readonly Ref[]) {
  const [names, setNames] = useState<ReadonlyMap<string, Owner>>(new Map());
  const refs = levels.flatMap((l) => (l.owner === undefined ? [] : [{ id: l.owner, kind: l.ownerKind }]));
  const unknown = refs.filter((r) => !names.has(r.id));
  const unknownJson = JSON.stringify(unknown);
  useEffect(() => {
    if (unknown.length === 0) return;
    let current = true;
    call('owners/describe', { owners: unknown.slice(0, 50) }).then(
      ({ owners }) => current && setNames((m) => new Map([...m, ...owners.map((o) => [o.id, o] as const)])),
      // Unnamed owners show their id; the save names any that Jira does not know.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [unknownJson]);
  const remember = useCallback(
    (owner: Owner) => setNames((m) => new Map([...m, [owner.id, owner] as const])),
    [],
  );
  const ownerOf = (ref: Ref): Owner | undefined =>
    ref.owner === undefined
      ? undefined
      : (names.get(ref.owner) ?? { kind: ref.ownerKind ?? 'user', id: ref.owner, displayName: ref.owner });
  return { ownerOf, remember };
}
