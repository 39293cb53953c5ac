/**
 * Where a reorder preview keeps its forecast basis between clicks: the record deflated, cut into parts
 * under the KVS value limit, and a small meta value naming them with what the basis was built from.
 * A cache, never the only copy of anything: a missing or damaged part reads as "no basis" and the
 * preview builds a new one from the snapshot.
 *
 * The parts live under the snapshot data prefix, so the daily full build's sweep of unreferenced
 * snapshot data also removes parts that a concurrent preview left behind (their meta was replaced);
 * the basis named by the meta is swept too, and the next preview rebuilds it from the new snapshot.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { ForecastBasis } from '../domain/forecast/forecast-basis';
import { forecastBasisOf, forecastBasisRecord, ForecastBasisRecordSchema } from './forecast-basis-record';
import { pacedWrite } from './kvs-budget';
import { programKey, SNAPSHOT_DATA_PREFIX } from './keys';
import { readValues } from './snapshot-store';
import { readStored, StoredValueInvalid, writeStored } from './stored-json';

/** Under the 240 KiB value limit with room for the key and JSON quotes. */
const PART_CHARS = 200_000;

const BasisMetaSchema = z.strictObject({
  /** The snapshot version and config version the basis was built from, and when. */
  snapshotVersion: z.string(),
  configVersion: z.number().int(),
  builtAtMs: z.number(),
  parts: z.array(z.string().max(500)),
  bytes: z.number().int(),
});
export type BasisMeta = z.infer<typeof BasisMetaSchema>;

const metaKey = () => programKey('forecast-basis:v1');
const partKey = (generation: string, i: number) =>
  programKey(`${SNAPSHOT_DATA_PREFIX}forecast-basis:${generation}:${i}`);

/** The stored basis and what it was built from, or undefined when there is none that reads. */
export async function readForecastBasis(): Promise<{ meta: BasisMeta; basis: ForecastBasis } | undefined> {
  const meta = await readStored(metaKey(), BasisMetaSchema);
  if (!meta) return undefined;
  try {
    const parts = await readValues(meta.parts, z.string());
    const packed = meta.parts.map((key) => parts.get(key) ?? '').join('');
    const json: unknown = JSON.parse(inflateRawSync(Buffer.from(packed, 'base64')).toString('utf8'));
    const record = ForecastBasisRecordSchema.safeParse(json);
    return record.success ? { meta, basis: forecastBasisOf(record.data) } : undefined;
  } catch (error) {
    // Swept by a full build, or half-written by a preview that failed: build a new one.
    if (error instanceof StoredValueInvalid || error instanceof SyntaxError) return undefined;
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('Z_')) return undefined;
    throw error;
  }
}

/** Stores `basis` as the current one; the one it replaces is deleted. Returns the bytes written. */
export async function writeForecastBasis(
  basis: ForecastBasis,
  from: { snapshotVersion: string; configVersion: number },
  previous: BasisMeta | undefined,
): Promise<number> {
  const packed = deflateRawSync(JSON.stringify(forecastBasisRecord(basis)), { level: 6 }).toString('base64');
  const generation = `${basis.nowMs.toString(36)}-${from.snapshotVersion}`.slice(0, 120);
  const parts: string[] = [];
  for (let i = 0; i * PART_CHARS < packed.length; i++) {
    const key = partKey(generation, i);
    const slice = packed.slice(i * PART_CHARS, (i + 1) * PART_CHARS);
    await pacedWrite(slice.length + key.length, () => kvs.set(key, slice));
    parts.push(key);
  }
  await writeStored(metaKey(), BasisMetaSchema, {
    ...from,
    builtAtMs: basis.nowMs,
    parts,
    bytes: packed.length,
  });
  const stale = (previous?.parts ?? []).filter((key) => !parts.includes(key));
  for (let i = 0; i < stale.length; i += 20) {
    const batch = stale.slice(i, i + 20).map((key) => ({ key }));
    await pacedWrite(JSON.stringify(batch).length, () => kvs.batchDelete(batch));
  }
  return packed.length;
}
