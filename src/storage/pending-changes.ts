/**
 * Issues named by Jira events since the last refresh. One key per issue, so concurrent event handlers
 * never overwrite each other's notes; the refresh reads them all and deletes the ones it handled.
 */
import { kvs, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import { PENDING_CHANGE_PREFIX, pendingChangeKey, programKey } from './keys';
import { writeStored } from './stored-json';

export const PendingChangeSchema = z
  .object({
    /** The issue id or key Jira named. */
    ref: z.string(),
    change: z.enum(['upsert', 'delete']),
    at: z.string(),
  })
  .strict();
export type PendingChange = z.infer<typeof PendingChangeSchema>;

export function notePendingChange(change: PendingChange): Promise<void> {
  return writeStored(pendingChangeKey(change.ref, change.at), PendingChangeSchema, change);
}

export async function readPendingChanges(): Promise<Array<PendingChange & { storageKey: string }>> {
  const changes: Array<PendingChange & { storageKey: string }> = [];
  let cursor: string | undefined;
  do {
    let query = kvs
      .query()
      .where('key', WhereConditions.beginsWith(programKey(PENDING_CHANGE_PREFIX)))
      .limit(100);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany<unknown>();
    for (const { key, value } of page.results) {
      const parsed = PendingChangeSchema.safeParse(value);
      // A damaged note is dropped: the next full rebuild covers its issue anyway.
      if (parsed.success) changes.push({ ...parsed.data, storageKey: key });
      else await kvs.delete(key);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return changes;
}

export async function clearPendingChanges(storageKeys: readonly string[]): Promise<void> {
  for (let i = 0; i < storageKeys.length; i += 20) {
    await kvs.batchDelete(storageKeys.slice(i, i + 20).map((key) => ({ key })));
  }
}
