/**
 * The program's history in @forge/kvs: one value per kept day (`history:v1:<program>:day:<YYYY-MM-DD>`)
 * and the index of kept days (`history:v1:<program>:index`, a versioned record). A day is added in one
 * transaction with a condition on the index version, together with the deletion of the days thinning
 * drops (src/domain/history/history-days.ts): of two writers of the same day exactly one wins, and the
 * index never names a day that is not stored.
 *
 * Write units per day (Forge counts 10 KB units; test/history/history-storage.test.ts): the day's value
 * (1 unit up to ~60 teams, 2 at 100), the index (1 unit: ~115 days of 13 bytes) and 1 per day deleted
 * (one thinned a day, one more a week past 420 days): 3 on most days, at most 4. A view reads the index
 * and at most nine days.
 */
import { kvs } from '@forge/kvs';
import { thinDays } from '../domain/history/history-days';
import { byteLength } from './chunk-writer';
import { DailySummarySchema, HistoryIndexSchema, type StoredDailySummary } from './history-schema';
import { historyDayKey, historyIndexKey } from './keys';
import { CHUNK_TARGET_BYTES } from './snapshot-store';
import { StoredValueInvalid } from './stored-json';
import { readVersioned, writeVersioned, type Versioned } from './versioned-entity';

/** Forge's storage unit for read and write quotas. */
export const KVS_UNIT_BYTES = 10 * 1024;
/** The transaction's 25 operations: the index, the day and at most this many deletions. */
const DELETES_PER_WRITE = 20;
const ATTEMPTS = 3;

export const unitsOf = (value: unknown): number => Math.max(1, Math.ceil(byteLength(value) / KVS_UNIT_BYTES));

export function readHistoryIndex(programId: string): Promise<Versioned<{ days: string[] }> | undefined> {
  return readVersioned(historyIndexKey(programId), HistoryIndexSchema);
}

/** The stored summaries of `days` (days the index names; one that vanished meanwhile is left out). */
export async function readHistoryDays(
  programId: string,
  days: readonly string[],
): Promise<StoredDailySummary[]> {
  const unique = [...new Set(days)];
  const found: StoredDailySummary[] = [];
  for (let i = 0; i < unique.length; i += 20) {
    const batch = unique.slice(i, i + 20).map((day) => ({ key: historyDayKey(programId, day) }));
    const result = await kvs.batchGet<unknown>(batch);
    for (const { key, value } of result.successfulKeys) {
      const parsed = DailySummarySchema.safeParse(value);
      if (!parsed.success) throw new StoredValueInvalid(key, parsed.error.issues[0]?.message ?? 'invalid');
      found.push(parsed.data);
    }
  }
  return found.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/**
 * Keeps a summary under the value limit: a program of very many long-named teams loses teams from the
 * end of its (sorted) list, and says how many. Program-wide numbers are never cut.
 */
export function fitSummary(summary: StoredDailySummary, limit = CHUNK_TARGET_BYTES): StoredDailySummary {
  if (byteLength(summary) <= limit) return summary;
  const teams = [...summary.teams];
  let bytes = byteLength(summary);
  while (teams.length > 0 && bytes > limit) bytes -= byteLength(teams.pop()) + 1;
  return { ...summary, teams, omittedTeams: summary.omittedTeams + summary.teams.length - teams.length };
}

export type HistoryWrite =
  | { status: 'written'; day: string; writeUnits: number; deleted: string[] }
  | { status: 'exists' | 'too-old'; day: string; writeUnits: 0; deleted: [] };

/** Stores the summary of its day unless that day is already stored; thins older days as of `today`. */
export async function storeDailySummary(
  programId: string,
  summary: StoredDailySummary,
  today: string,
): Promise<HistoryWrite> {
  const value = fitSummary(DailySummarySchema.parse(summary));
  const key = historyIndexKey(programId);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const index = await readHistoryIndex(programId);
    const days = index?.body.days ?? [];
    if (days.includes(value.day)) return { status: 'exists', day: value.day, writeUnits: 0, deleted: [] };
    const { keep, drop } = thinDays([...days, value.day], today);
    if (!keep.includes(value.day)) return { status: 'too-old', day: value.day, writeUnits: 0, deleted: [] };
    const deleted = drop.slice(0, DELETES_PER_WRITE);
    // Days over the transaction's size stay indexed until the next write deletes them.
    const kept = [...keep, ...drop.slice(DELETES_PER_WRITE)].sort();
    const written = await writeVersioned(
      key,
      HistoryIndexSchema,
      index?.version ?? 0,
      { days: kept },
      {
        alongside: (tx) => {
          tx.set(historyDayKey(programId, value.day), value);
          for (const day of deleted) tx.delete(historyDayKey(programId, day));
        },
      },
    );
    if (written)
      return {
        status: 'written',
        day: value.day,
        writeUnits: unitsOf(value) + unitsOf(written) + deleted.length,
        deleted,
      };
  }
  throw new Error(`the history index ${key} kept changing; the summary of ${value.day} was not stored`);
}
