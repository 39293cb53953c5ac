/**
 * The latest snapshot job's record (progress for the UI, one per program) and the lease that keeps builds
 * one at a time. The lease is the installation's, not a program's: the KVS write quota is the
 * installation's, and one build at a time is what lets a build pace itself to the job share of it
 * (kvs-budget.ts) without knowing what other programs' builds spend.
 */
import { z } from 'zod';
import { SnapshotJobSchema, type SnapshotJob } from '../shared/contract';
import { programKey, STORAGE_KEYS } from './keys';
import { currentProgramId } from './program-scope';
import { readStored, writeStored } from './stored-json';
import { kvs } from '@forge/kvs';
import {
  deleteVersioned,
  readVersioned,
  VERSIONED_ENTITY,
  versionIs,
  writeVersioned,
} from './versioned-entity';

export function readSnapshotJob(): Promise<SnapshotJob | undefined> {
  return readStored(programKey(STORAGE_KEYS.snapshotJob), SnapshotJobSchema);
}

export function writeSnapshotJob(job: SnapshotJob): Promise<void> {
  return writeStored(programKey(STORAGE_KEYS.snapshotJob), SnapshotJobSchema, job);
}

const LeaseSchema = z.strictObject({
  holder: z.string(),
  until: z.number().int(),
  /** The program being built (absent in leases from before several programs: `default`). */
  programId: z.string().optional(),
});
const LEASE_KEY = 'snapshot-lease';

/** A lease must outlive the consumer that holds it, but a dead holder must not block for longer than this. */
export const MAX_LEASE_MS = 2 * 900_000;

/**
 * Takes the build lease for `ttlMs` unless another live holder has it. Compare-and-set on the lease's
 * version: of two consumers that both find it free, exactly one takes it. An expired lease (its holder
 * died: Forge stops a consumer at 900 s) is taken over.
 */
export async function acquireLease(
  holder: string,
  now: number,
  ttlMs: number,
): Promise<LeaseHandle | undefined> {
  if (ttlMs > MAX_LEASE_MS) throw new RangeError(`lease ttl ${ttlMs} ms is over ${MAX_LEASE_MS} ms`);
  const current = await readVersioned(LEASE_KEY, LeaseSchema);
  if (current && current.body.holder !== holder && current.body.until > now) return undefined;
  const taken = await writeVersioned(LEASE_KEY, LeaseSchema, current?.version ?? 0, {
    holder,
    until: now + ttlMs,
    programId: currentProgramId(),
  });
  return taken ? { holder, version: taken.version } : undefined;
}

/** The lease as taken: its version fences the snapshot switch (see {@link leaseStillHeld}). */
export interface LeaseHandle {
  holder: string;
  version: number;
}

/** Adds to `tx` a check that the lease is still at the version taken: a build that lost it cannot commit. */
export function leaseStillHeld(tx: ReturnType<typeof kvs.transact>, lease: LeaseHandle): void {
  tx.check(LEASE_KEY, { entityName: VERSIONED_ENTITY, conditions: versionIs(lease.version) });
}

/** Gives the lease back if `holder` still has it (a holder whose lease was taken over leaves it alone). */
export async function releaseLease(holder: string): Promise<void> {
  const current = await readVersioned(LEASE_KEY, LeaseSchema);
  if (current?.body.holder === holder) await deleteVersioned(LEASE_KEY, current.version);
}

/** Who holds the lease and until when, for the status surfaces (undefined = nobody). */
export async function readLease(): Promise<z.infer<typeof LeaseSchema> | undefined> {
  return (await readVersioned(LEASE_KEY, LeaseSchema))?.body;
}
