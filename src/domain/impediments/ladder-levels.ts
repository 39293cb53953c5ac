/**
 * Ladder levels have ids; their names are labels (issue 11, "stable ladder levels"). A level keeps its
 * id across renames and remembers its former names, so a history entry, a field value or a stored
 * analysis that still carries an old name finds the same level. Configs saved before levels had ids
 * get deterministic ids derived from their names, so every read of the same config gives the same ids.
 */

export interface LevelIdentity {
  id?: string | undefined;
  name: string;
  /** Names the level had before a rename, newest last (kept so old records still resolve). */
  formerNames?: readonly string[] | undefined;
}

/** A level's reference as records carry it: the id when written by this version, the name always. */
export interface LevelRef {
  id?: string | null | undefined;
  name: string;
}

export const LEVEL_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

function slug(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
}

/**
 * Ids for levels stored without one: the slug of the name, else `level-<n>`; a slug taken by an
 * earlier level gets `-<n>` (its 1-based position), so the result depends on the list alone.
 */
export function withLevelIds<L extends { id?: string | undefined; name: string }>(
  levels: readonly L[],
): Array<L & { id: string }> {
  const taken = new Set(levels.flatMap((l) => (l.id ? [l.id] : [])));
  return levels.map((level, index) => {
    if (level.id) return { ...level, id: level.id };
    const base = slug(level.name) || `level-${index + 1}`;
    let id = taken.has(base) ? `${base}-${index + 1}` : base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${index + 1}-${n}`;
    taken.add(id);
    return { ...level, id };
  });
}

/**
 * The ladder level a reference means: by id first, then by current name, then by a former name
 * (latest rename first). Undefined when no level matches: a level removed from the ladder.
 */
export function resolveLevel<L extends LevelIdentity>(ladder: readonly L[], ref: LevelRef): L | undefined {
  if (ref.id) {
    const byId = ladder.find((l) => l.id === ref.id);
    if (byId) return byId;
  }
  return (
    ladder.find((l) => l.name === ref.name) ?? ladder.find((l) => (l.formerNames ?? []).includes(ref.name))
  );
}

/** The label to show and compare: the level's current name, or the stored name of a removed level. */
export function currentLevelName(ladder: readonly LevelIdentity[], ref: LevelRef): string {
  return resolveLevel(ladder, ref)?.name ?? ref.name;
}

export interface LevelRename {
  id: string | undefined;
  from: string;
  to: string;
}

/** Levels kept under the same id with a new name: what the Escalation level field's options must follow. */
export function levelRenames(
  before: readonly LevelIdentity[],
  after: readonly LevelIdentity[],
): LevelRename[] {
  return after.flatMap((level) => {
    const old = level.id === undefined ? undefined : before.find((l) => l.id === level.id);
    return old && old.name !== level.name ? [{ id: level.id, from: old.name, to: level.name }] : [];
  });
}

/** Levels whose id is gone from the new ladder. */
export function removedLevels<L extends LevelIdentity>(
  before: readonly L[],
  after: readonly LevelIdentity[],
): L[] {
  return before.filter((l) => !after.some((a) => a.id === l.id));
}

/**
 * Where the open impediments of a removed level go: the nearest level below it that stays, else the
 * nearest above (the ladder keeps at least one level).
 */
export function successorLevel<L extends LevelIdentity>(
  before: readonly LevelIdentity[],
  after: readonly L[],
  removedId: string,
): L | undefined {
  const at = before.findIndex((l) => l.id === removedId);
  const kept = (i: number) => after.find((a) => a.id === before[i]?.id);
  for (let i = at - 1; i >= 0; i--) {
    const level = kept(i);
    if (level) return level;
  }
  for (let i = at + 1; i < before.length; i++) {
    const level = kept(i);
    if (level) return level;
  }
  return after[0];
}

/**
 * Carries former names across a save: a renamed level remembers its previous name (unless another
 * level now has it), so the history, field values and stored analyses written before still resolve.
 */
export function withFormerNames<L extends LevelIdentity>(
  before: readonly LevelIdentity[],
  after: readonly L[],
): L[] {
  const names = new Set(after.map((l) => l.name));
  return after.map((level) => {
    const old = level.id === undefined ? undefined : before.find((l) => l.id === level.id);
    const former = [...(old?.formerNames ?? []), ...(level.formerNames ?? [])];
    if (old && old.name !== level.name) former.push(old.name);
    const kept = [...new Set(former)].filter((n) => !names.has(n)).slice(-20);
    return { ...level, formerNames: kept };
  });
}
