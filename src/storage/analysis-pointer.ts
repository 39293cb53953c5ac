/**
 * The analysis pointer: the one record readers start from, switched by compare-and-set. Analysis jobs
 * run without a lease (every reorder, config save and refresh queues one), so two can finish at once:
 * - only an analysis of the same or newer inputs (snapshot, config, order) replaces the pointer; one
 *   that lost to newer inputs deletes its own parts, which nothing names;
 * - the pointer keeps the version it replaced, so a reader that read it just before a switch can still
 *   finish; parts are deleted only once no pointer names them (two switches later);
 * - parts a dead job left behind (never named) are deleted once older than any job can live;
 * - a part reused from an earlier analysis (analysis-store.ts) is named only while the pointer being
 *   replaced names it too: a key no pointer names is deleted and never written again, so a reused part
 *   that the pointer no longer names is written afresh before the switch.
 */
import { pacedRead, pacedWrite } from './kvs-budget';
import { kvs, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import { AnalysisManifestSchema, type AnalysisManifest, type AnalysisPartRef } from './analysis-schema';
import { programKey } from './keys';
import { readStored } from './stored-json';
import { pack, packedOr } from './packed-json';
import { readVersioned, writeVersioned } from './versioned-entity';

const POINTER_KEY = 'analysis-pointer';
/** Where versions before compare-and-set kept the pointer: read once, until the first switch. */
const LEGACY_POINTER_KEY = 'analysis:pointer:v1';
const DATA_PREFIX = 'analysis:data:v1:';
/** A consumer lives at most 900 s: unnamed parts older than twice that belong to no live job. */
const ORPHAN_AGE_MS = 2 * 900_000;
const SWITCH_ATTEMPTS = 5;

const PointerSchema = z.strictObject({
  manifest: AnalysisManifestSchema,
  previous: AnalysisManifestSchema.nullable(),
});
/** Stored packed (packed-json.ts): the two manifests it holds list every part: about 46 KB of JSON at 100k. */
const StoredPointerSchema = packedOr(PointerSchema);
const PackedPointerSchema = z.union([z.strictObject({ deflated: z.string() }), PointerSchema]);

export async function readAnalysisManifest(): Promise<AnalysisManifest | undefined> {
  const pointer = await readVersioned(programKey(POINTER_KEY), StoredPointerSchema);
  if (pointer) return pointer.body.manifest;
  return readStored(programKey(LEGACY_POINTER_KEY), AnalysisManifestSchema);
}

const keysOf = (m: AnalysisManifest | null | undefined) =>
  m ? [m.programKey, ...m.parts.map((p) => p.key)] : [];

/** Version ids start with their epoch ms in base 36 (see newVersion): that is their order. */
const timeOf = (version: string) => parseInt(version.split('-')[0] ?? '', 36);

/** Whether `candidate` ran on inputs at least as new as `current` in every respect. */
export function supersedes(candidate: AnalysisManifest, current: AnalysisManifest): boolean {
  const snapshotOlder =
    candidate.snapshotVersion !== current.snapshotVersion &&
    timeOf(candidate.snapshotVersion) < timeOf(current.snapshotVersion);
  return (
    !snapshotOlder &&
    candidate.configVersion >= current.configVersion &&
    candidate.orderVersion >= current.orderVersion
  );
}

async function deleteKeys(keys: readonly string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 20) {
    const batch = keys.slice(i, i + 20).map((key) => ({ key }));
    await pacedWrite(JSON.stringify(batch).length, () => kvs.batchDelete(batch));
  }
}

/** How a job that reuses earlier parts switches: what it wrote itself, and how to keep reused parts. */
export interface PartReuse {
  readonly written: ReadonlySet<string>;
  keepAlive(parts: readonly AnalysisPartRef[], alive: ReadonlySet<string>): Promise<AnalysisPartRef[]>;
}

/**
 * Makes `next` current unless a pointer of newer inputs is already there. Returns the manifest that is
 * current afterwards (`next`, or the newer one, whose parts `next`'s job then deletes: those it wrote
 * itself, when `reuse` says which).
 */
export async function switchAnalysis(
  next: AnalysisManifest,
  now: number,
  reuse?: PartReuse,
): Promise<AnalysisManifest> {
  for (let attempt = 0; attempt < SWITCH_ATTEMPTS; attempt++) {
    const pointer = await readVersioned(programKey(POINTER_KEY), StoredPointerSchema);
    const current =
      pointer?.body.manifest ?? (await readStored(programKey(LEGACY_POINTER_KEY), AnalysisManifestSchema));
    if (current && !supersedes(next, current)) {
      await deleteKeys(reuse ? [...reuse.written] : keysOf(next));
      return current;
    }
    if (reuse) {
      // Parts named by the pointer this write replaces are deleted only after a later switch, which
      // this write's condition on the pointer's version excludes.
      const alive = new Set([...keysOf(current), ...keysOf(pointer?.body.previous)]);
      next = { ...next, parts: await reuse.keepAlive(next.parts, alive) };
    }
    const packed = pack(PointerSchema.parse({ manifest: next, previous: current ?? null }));
    const body = PackedPointerSchema.parse(packed.stored);
    const written = await writeVersioned(
      programKey(POINTER_KEY),
      PackedPointerSchema,
      pointer?.version ?? 0,
      body,
    );
    if (!written) continue;
    const named = new Set([...keysOf(next), ...keysOf(current)]);
    await deleteKeys(keysOf(pointer?.body.previous).filter((k) => !named.has(k)));
    await deleteOrphans(named, now);
    return next;
  }
  throw new Error(`the analysis pointer kept changing during ${SWITCH_ATTEMPTS} attempts to switch it`);
}

/** Deletes analysis data that no pointer names and that is older than any job can run. */
async function deleteOrphans(named: ReadonlySet<string>, now: number): Promise<void> {
  const orphans: string[] = [];
  let cursor: string | undefined;
  do {
    const prefix = programKey(DATA_PREFIX);
    let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(100);
    if (cursor) query = query.cursor(cursor);
    const page = await pacedRead(
      () => query.getMany<unknown>(),
      (reply) => JSON.stringify(reply.results).length,
    );
    for (const { key } of page.results) {
      const version = key.slice(prefix.length).split(':')[0] ?? '';
      if (!named.has(key) && now - timeOf(version) > ORPHAN_AGE_MS) orphans.push(key);
    }
    cursor = page.nextCursor;
  } while (cursor);
  await deleteKeys(orphans);
}
