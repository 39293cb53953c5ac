/**
 * The escalation history kept on each impediment as the issue property `metascrum.escalation`
 * (DOMAIN.md "Impediments"): `{ version, history: [{ from, to, at, by, reason }] }`, the format the
 * analysis engine already reads (src/domain/normalise/escalation-history.ts). This app extends it
 * additively: `version` counts the writes (the compare-and-set revision), and each move may carry `id`
 * (its move id, for idempotency), `action`, `auto`, `commentId` and the levels' ids `fromId`/`toId`.
 * Older entries without them stay valid. Levels are read by id (then name, then former name) and
 * carried as the level's current name, so a renamed level moves no impediment.
 */
import { z } from 'zod';
import { currentLevelName, resolveLevel, withLevelIds, type LevelIdentity } from './ladder-levels';

export const MOVE_ACTIONS = ['raise', 'escalate', 'de-escalate', 'resolve'] as const;
export type MoveAction = (typeof MOVE_ACTIONS)[number];

/** Lenient on read: the property lives in Jira, where any app or script with edit rights may write it. */
const StoredMoveSchema = z.looseObject({
  id: z.string().optional().catch(undefined),
  action: z.enum(MOVE_ACTIONS).optional().catch(undefined),
  from: z.string().nullish().catch(null),
  fromId: z.string().nullish().catch(null),
  to: z.string(),
  toId: z.string().nullish().catch(null),
  at: z.string(),
  by: z.string().nullish().catch(null),
  reason: z.string().nullish().catch(null),
  auto: z.boolean().optional().catch(undefined),
  commentId: z.string().nullish().catch(null),
});

const StoredRecordSchema = z.looseObject({
  version: z.number().int().min(0).optional().catch(undefined),
  history: z.array(z.unknown()).catch([]),
});

export interface EscalationMove {
  /** Unique per intended move: replays of the same move carry the same id. */
  id: string;
  action: MoveAction;
  from: string | null;
  to: string;
  /** ISO 8601. */
  at: string;
  /** Account id of the person, or `app` for the scheduled auto-escalation. */
  by: string | null;
  reason: string;
  auto: boolean;
  commentId: string | null;
}

export interface EscalationRecord {
  /** Revision: 0 = never written; each write stores the previous version + 1. */
  version: number;
  history: EscalationMove[];
}

export const EMPTY_RECORD: EscalationRecord = { version: 0, history: [] };

/** What an entry without `action` meant: the first step raised it, the others moved it up or down. */
function inferAction(from: string | null, to: string, ladder: readonly string[]): MoveAction {
  if (from === null) return 'raise';
  if (from === to) return 'resolve';
  return ladder.indexOf(to) > ladder.indexOf(from) ? 'escalate' : 'de-escalate';
}

type Ladder = readonly LevelIdentity[] | readonly string[];

/** Plain names (older callers, tests) get the ids a config without ids derives for them. */
function identities(ladder: Ladder): readonly LevelIdentity[] {
  return withLevelIds(
    ladder.map((l): { id?: string; name: string } => (typeof l === 'string' ? { name: l } : l)),
  );
}

/** Parses the stored property; entries that are not moves are skipped, never fatal. */
export function readEscalationRecord(raw: unknown, ladder: Ladder): EscalationRecord {
  const parsed = StoredRecordSchema.safeParse(raw);
  if (!parsed.success) return EMPTY_RECORD;
  const levels = identities(ladder);
  const names = levels.map((l) => l.name);
  const history: EscalationMove[] = [];
  parsed.data.history.forEach((entry, index) => {
    const move = StoredMoveSchema.safeParse(entry);
    if (!move.success || Number.isNaN(Date.parse(move.data.at))) return;
    const from =
      move.data.from === null || move.data.from === undefined
        ? null
        : currentLevelName(levels, { id: move.data.fromId, name: move.data.from });
    const to = currentLevelName(levels, { id: move.data.toId, name: move.data.to });
    history.push({
      id: move.data.id ?? `legacy-${index}`,
      action: move.data.action ?? inferAction(from, to, names),
      from,
      to,
      at: move.data.at,
      by: move.data.by ?? null,
      reason: move.data.reason ?? '',
      auto: move.data.auto ?? false,
      commentId: move.data.commentId ?? null,
    });
  });
  // A property written by hand may lack a version: the history length is the best lower bound.
  return { version: parsed.data.version ?? history.length, history };
}

/** The JSON written back: the engine's keys first, our additive keys (with the levels' ids) after. */
export function storedEscalationRecord(record: EscalationRecord, ladder: Ladder = []): unknown {
  const levels = identities(ladder);
  const idOf = (name: string | null) => (name === null ? null : (resolveLevel(levels, { name })?.id ?? null));
  return {
    version: record.version,
    history: record.history.map((m) => ({
      from: m.from,
      to: m.to,
      fromId: idOf(m.from),
      toId: idOf(m.to),
      at: m.at,
      by: m.by,
      reason: m.reason,
      id: m.id,
      action: m.action,
      auto: m.auto,
      commentId: m.commentId,
    })),
  };
}
