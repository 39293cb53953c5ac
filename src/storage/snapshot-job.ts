/** The latest snapshot job's record (progress for the UI) and the lease that keeps builds one at a time. */
import { z } from 'zod';
import { kvs } from '@forge/kvs';
import { SnapshotJobSchema, type SnapshotJob } from '../shared/contract';
import { STORAGE_KEYS } from './keys';
import { readStored, writeStored } from './stored-json';

export function readSnapshotJob(): Promise<SnapshotJob | undefined> {
  return readStored(STORAGE_KEYS.snapshotJob, SnapshotJobSchema);
}

export function writeSnapshotJob(job: SnapshotJob): Promise<void> {
  return writeStored(STORAGE_KEYS.snapshotJob, SnapshotJobSchema, job);
}

const LeaseSchema = z.object({ holder: z.string(), until: z.number().int() }).strict();

/**
 * Takes the build lease for `ttlMs` unless another live holder has it. KVS has no compare-and-set, so
 * the lease is read back after writing: of two consumers racing, at most the last writer proceeds.
 */
export async function acquireLease(holder: string, now: number, ttlMs: number): Promise<boolean> {
  const current = await readStored(STORAGE_KEYS.snapshotLease, LeaseSchema);
  if (current && current.holder !== holder && current.until > now) return false;
  await writeStored(STORAGE_KEYS.snapshotLease, LeaseSchema, { holder, until: now + ttlMs });
  const after = await readStored(STORAGE_KEYS.snapshotLease, LeaseSchema);
  return after?.holder === holder;
}

export async function releaseLease(holder: string): Promise<void> {
  const current = await readStored(STORAGE_KEYS.snapshotLease, LeaseSchema);
  if (current?.holder === holder) await kvs.delete(STORAGE_KEYS.snapshotLease);
}
