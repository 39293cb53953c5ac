/**
 * The status badges the app last wrote to Jira (issue → count), so an analysis run writes only what
 * changed and a re-run with no change sends nothing. It holds only writes Jira confirmed: a failed or
 * postponed write is simply absent (or still the old count) and is tried again by the next run.
 * One value per project and range of issue numbers: a bucket of at most BUCKET_SIZE issues stays far
 * under the 240 KiB value limit however large the project.
 */
import { kvs, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import { issueNumberOf, projectKeyOf } from '../domain/issue-key';
import { STATUS_BADGE_PREFIX, statusBadgeKey } from './keys';
import { writeStored } from './stored-json';

const BUCKET_SIZE = 5000;

/** Issue number → the count written (only counts > 0 are ever written). */
export const StatusBadgeRecordSchema = z.strictObject({
  project: z.string(),
  counts: z.record(z.string().regex(/^\d+$/), z.number().int().min(1)),
});

const keyOf = (issueKey: string) =>
  statusBadgeKey(projectKeyOf(issueKey), Math.floor(issueNumberOf(issueKey) / BUCKET_SIZE));

/** Every badge written, as issue key → count. A damaged value is dropped: the next run rewrites it. */
export async function readWrittenBadges(): Promise<Map<string, number>> {
  const written = new Map<string, number>();
  let cursor: string | undefined;
  do {
    let query = kvs.query().where('key', WhereConditions.beginsWith(STATUS_BADGE_PREFIX)).limit(100);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany<unknown>();
    for (const { key, value } of page.results) {
      const parsed = StatusBadgeRecordSchema.safeParse(value);
      if (!parsed.success) {
        await kvs.delete(key);
        continue;
      }
      const { project, counts } = parsed.data;
      for (const [n, count] of Object.entries(counts)) written.set(`${project}-${n}`, count);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return written;
}

/** Stores `written` (the complete new state) in the buckets that hold one of `touched` issues. */
export async function storeWrittenBadges(
  written: ReadonlyMap<string, number>,
  touched: Iterable<string>,
): Promise<void> {
  const buckets = new Set([...touched].map(keyOf));
  const records = new Map<string, z.input<typeof StatusBadgeRecordSchema>>();
  for (const [issueKey, count] of written) {
    const key = keyOf(issueKey);
    if (!buckets.has(key)) continue;
    const record = records.get(key) ?? { project: projectKeyOf(issueKey), counts: {} };
    record.counts[String(issueNumberOf(issueKey))] = count;
    records.set(key, record);
  }
  for (const key of buckets) {
    const record = records.get(key);
    if (record) await writeStored(key, StatusBadgeRecordSchema, record);
    else await kvs.delete(key);
  }
}
