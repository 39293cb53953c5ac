/**
 * Snapshot versions in @forge/kvs. Chunks and metadata are written under version-specific keys first;
 * the pointer (one key holding the manifest) is written last, so the switch to a new version is one
 * atomic write and a reader either sees the old manifest or the new one, never half a snapshot.
 * Superseded data is deleted one switch later, so a reader that read the previous manifest just before
 * a switch can still finish reading its chunks.
 */
import { kvs, WhereConditions } from '@forge/kvs';
import type { z } from 'zod';
import { readStored, StoredValueInvalid, writePacked, writeStored } from './stored-json';
import { pack, packedOr, packJson, unpack } from './packed-json';
import { isConditionFailure } from './versioned-entity';
import { pacedRead, pacedWrite, retryRateLimited } from './kvs-budget';
import { programKey, SNAPSHOT_DATA_PREFIX, STORAGE_KEYS } from './keys';
import {
  SnapshotChunkSchema,
  SnapshotManifestSchema,
  SnapshotMetaSchema,
  type SnapshotChunk,
  type SnapshotManifest,
  type SnapshotMeta,
} from './snapshot-schema';

/** Forge allows 240 KiB per value; we keep a margin for the JSON envelope. */
const byteLength = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

export const MAX_VALUE_BYTES = 240 * 1024;
export const CHUNK_TARGET_BYTES = 200 * 1024;
const BATCH_LIMIT = 20;

/** Stored packed (packed-json.ts): at 100k issues its 500 chunk refs are 80 KB of JSON, 8 write units. */
const StoredManifestSchema = packedOr(SnapshotManifestSchema);

export function readManifest(): Promise<SnapshotManifest | undefined> {
  return readStored(programKey(STORAGE_KEYS.snapshotPointer), StoredManifestSchema);
}

export function writeChunk(key: string, chunk: SnapshotChunk): Promise<void> {
  return writePacked(key, SnapshotChunkSchema, chunk);
}

/**
 * Writes a chunk its writer assembled as UTF-8 JSON from issues it checked one by one (chunk-writer.ts),
 * packed like {@link writeChunk} without serialising the issues again.
 */
export async function writeChunkJson(key: string, json: Buffer): Promise<void> {
  const { stored, bytes } = await packJson(json);
  await pacedWrite(bytes + key.length, () => kvs.set(key, stored));
}

export function writeMeta(key: string, meta: SnapshotMeta): Promise<void> {
  return writeStored(key, SnapshotMetaSchema, meta);
}

export async function readMeta(manifest: SnapshotManifest): Promise<SnapshotMeta> {
  const meta = await readStored(manifest.metaKey, SnapshotMetaSchema);
  if (!meta) throw new StoredValueInvalid(manifest.metaKey, 'missing');
  return meta;
}

/**
 * Reads stored values by key, 20 per batch, each parsed with `schema`; a missing key is an error (the
 * caller may re-read its pointer). Shared by the snapshot and the analysis views.
 */
export async function readValues<S extends z.ZodType>(
  keys: readonly string[],
  schema: S,
): Promise<Map<string, z.infer<S>>> {
  const values = new Map<string, z.infer<S>>();
  const batches: string[][] = [];
  for (let i = 0; i < keys.length; i += BATCH_LIMIT) batches.push(keys.slice(i, i + BATCH_LIMIT));
  await Promise.all(
    batches.map(async (batch) => {
      // Retried, not paced: a view must answer within the resolver's 25 s, never wait out a minute.
      const result = await retryRateLimited(() => kvs.batchGet<unknown>(batch.map((key) => ({ key }))));
      for (const { key, value } of result.successfulKeys) {
        const parsed = schema.safeParse(unpack(value));
        if (!parsed.success) throw new StoredValueInvalid(key, parsed.error.issues[0]?.message ?? 'invalid');
        values.set(key, parsed.data);
      }
    }),
  );
  const missing = keys.find((key) => !values.has(key));
  if (missing !== undefined) throw new StoredValueInvalid(missing, 'missing');
  return values;
}

/** Reads snapshot chunks by key (see {@link readValues}). */
export function readChunks(keys: readonly string[]): Promise<Map<string, SnapshotChunk>> {
  return readValues(keys, SnapshotChunkSchema);
}

/** A build that no longer holds the build lease (it expired and another build took it) must not switch. */
export class BuildLeaseLost extends Error {
  constructor() {
    super('another build took over the build lease; this build was discarded');
  }
}

/**
 * The atomic switch: one write of the pointer, in a transaction with a check that this build still holds
 * the build lease (`fence`). Then data neither version references is deleted.
 */
export async function switchTo(
  manifest: SnapshotManifest,
  previous: SnapshotManifest | undefined,
  fence?: (tx: ReturnType<typeof kvs.transact>) => void,
): Promise<void> {
  const superseded = previous ? deadKeys(previous, [manifest]) : [];
  const { stored, bytes } = pack(SnapshotManifestSchema.parse({ ...manifest, superseded }));
  const tx = kvs.transact().set(programKey(STORAGE_KEYS.snapshotPointer), stored);
  fence?.(tx);
  try {
    await pacedWrite(bytes, () => tx.execute());
  } catch (error) {
    if (isConditionFailure(error)) throw new BuildLeaseLost();
    throw error;
  }
  const live = [manifest, ...(previous ? [previous] : [])];
  // Sweeping reads every stored chunk (a query returns values): only the daily full build pays for it;
  // a refresh deletes what it superseded by name (abandoned work waits for the next full build).
  if (manifest.kind === 'full') await deleteUnreferenced(live);
  else await deleteKeys((previous?.superseded ?? []).filter((key) => !referencedKeys(live).has(key)));
}

/** Keys `of` named that none of `live` does. */
function deadKeys(of: SnapshotManifest | undefined, live: readonly SnapshotManifest[]): string[] {
  const keep = referencedKeys(live);
  return of ? [...referencedKeys([of])].filter((key) => !keep.has(key)) : [];
}

async function deleteKeys(keys: readonly string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += BATCH_LIMIT) {
    const batch = keys.slice(i, i + BATCH_LIMIT).map((key) => ({ key }));
    await pacedWrite(byteLength(batch), () => kvs.batchDelete(batch));
  }
}

function referencedKeys(manifests: readonly SnapshotManifest[]): Set<string> {
  return new Set(manifests.flatMap((m) => [m.metaKey, ...m.chunks.map((c) => c.key)]));
}

/** Deletes snapshot data that none of `live` references (older versions, abandoned builds). */
export function deleteUnreferenced(live: readonly SnapshotManifest[]): Promise<number> {
  return deleteUnreferencedUnder(programKey(SNAPSHOT_DATA_PREFIX), referencedKeys(live));
}

/** Deletes every key under `prefix` that is not in `keep` (versioned data no pointer names any more). */
export async function deleteUnreferencedUnder(prefix: string, keep: ReadonlySet<string>): Promise<number> {
  const garbage: string[] = [];
  let cursor: string | undefined;
  do {
    let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(100);
    if (cursor) query = query.cursor(cursor);
    const page = await pacedRead(
      () => query.getMany<unknown>(),
      (reply) => byteLength(reply.results),
    );
    garbage.push(...page.results.map((r) => r.key).filter((key) => !keep.has(key)));
    cursor = page.nextCursor;
  } while (cursor);
  await deleteKeys(garbage);
  return garbage.length;
}
