/**
 * The analysis views in @forge/kvs, with the snapshot's discipline: records are written in chunks under
 * the value limit under version-specific keys, then the pointer is switched (see analysis-pointer.ts).
 * Readers read the pointer, then only the partitions (e.g. one project's epics) they need.
 *
 * A part whose content is the same as one the current pointer names is not written again: the new
 * manifest names the existing key (parts carry a hash of their stored content). A refresh of 100 issues
 * changes a few parts, so an analysis writes those few instead of all of them. Keys stay unique to the
 * job that wrote them (a deleted key never comes back), and the switch re-checks that every reused part
 * is still named by the pointer it replaces, writing it afresh otherwise (see analysis-pointer.ts).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { issueNumberOf } from '../domain/issue-key';
import { byteLength } from './chunk-writer';
import {
  AnalysisChunkSchema,
  ProgramRecordSchema,
  type AnalysisManifest,
  type AnalysisPartRef,
  type ProgramRecord,
} from './analysis-schema';
import { CHUNK_TARGET_BYTES, readValues } from './snapshot-store';
import { programKey } from './keys';
import { pack, unpack } from './packed-json';
import { pacedWrite } from './kvs-budget';
import { kvs } from '@forge/kvs';
import { readStored, StoredValueInvalid, writeStored } from './stored-json';
import type { PartReuse } from './analysis-pointer';
export { readAnalysisManifest, switchAnalysis } from './analysis-pointer';

export const ANALYSIS_DATA_PREFIX = 'analysis:data:v1:';
/** The partition listing the pieces of a program record too large for one value. */
export const PROGRAM_PIECES = 'program-pieces';
const ProgramPiecesSchema = z.strictObject({ pieces: z.number().int().min(1) });
const ProgramPieceSchema = z.strictObject({ piece: z.string() });

const programKeyOf = (version: string) => programKey(`${ANALYSIS_DATA_PREFIX}${version}:program`);

/** The hash naming a part's content: its partition and exactly what is stored. */
function contentHash(partition: string, storedText: string): string {
  return createHash('sha256')
    .update(partition)
    .update('\n')
    .update(storedText)
    .digest('base64url')
    .slice(0, 22);
}

/** Writes one version's partitions and program record; returns the part refs for its manifest. */
export class AnalysisWriter implements PartReuse {
  private next = 0;
  private readonly writes: Promise<void>[] = [];
  readonly parts: AnalysisPartRef[] = [];
  /** Keys this job wrote (the only ones it may delete when it loses the switch). */
  readonly written = new Set<string>();
  /** The stored value of each part this job reuses, in case the switch must write it after all. */
  private readonly reusedValues = new Map<string, unknown>();
  private readonly reusable = new Map<string, AnalysisPartRef>();

  /** `current`: the manifest the pointer names now, whose unchanged parts this version reuses. */
  constructor(
    readonly version: string,
    current?: AnalysisManifest,
  ) {
    for (const part of current?.parts ?? []) if (part.hash) this.reusable.set(part.hash, part);
  }

  get programKey(): string {
    return programKeyOf(this.version);
  }

  /** `numbered`: records have an issue `key`, sorted by it; chunks then record their key-number range. */
  addPartition(partition: string, records: readonly unknown[], numbered = false): void {
    let current: unknown[] = [];
    let bytes = 16;
    const flush = () => {
      if (current.length === 0) return;
      const ref: AnalysisPartRef = { key: '', partition, count: current.length };
      if (numbered) {
        const numbers = current.map((r) => issueNumberOf(keyOf(r)));
        ref.first = Math.min(...numbers);
        ref.last = Math.max(...numbers);
      }
      this.parts.push(this.stored(ref, { records: current }));
      current = [];
      bytes = 16;
    };
    for (const record of records) {
      const size = byteLength(record) + 1;
      if (bytes + size > CHUNK_TARGET_BYTES) flush();
      current.push(record);
      bytes += size;
    }
    flush();
  }

  /** The part's ref, naming the key of an equal part of the current manifest or a key written now. */
  private stored(ref: AnalysisPartRef, chunk: { records: unknown[] }): AnalysisPartRef {
    const { stored, bytes } = pack(AnalysisChunkSchema.parse(chunk));
    const hash = contentHash(ref.partition, JSON.stringify(stored));
    const same = this.reusable.get(hash);
    if (same && same.partition === ref.partition) {
      this.reusedValues.set(same.key, stored);
      return { ...ref, key: same.key, hash };
    }
    const key = this.freshKey();
    this.writeValue(key, stored, bytes);
    return { ...ref, key, hash };
  }

  private freshKey(): string {
    return programKey(`${ANALYSIS_DATA_PREFIX}${this.version}:part:${this.next++}`);
  }

  private writeValue(key: string, stored: unknown, bytes: number): void {
    this.written.add(key);
    this.writes.push(pacedWrite(bytes + key.length, () => kvs.set(key, stored)));
  }

  /**
   * Reused parts that `alive` (the keys the pointer about to be replaced names) no longer holds may be
   * deleted by the job that replaced them: those are written under this job's own keys. Returns the parts.
   */
  async keepAlive(parts: readonly AnalysisPartRef[], alive: ReadonlySet<string>): Promise<AnalysisPartRef[]> {
    const kept = parts.map((part) => {
      const value = this.reusedValues.get(part.key);
      if (value === undefined || alive.has(part.key)) return part;
      const key = this.freshKey();
      this.writeValue(key, value, JSON.stringify(value).length);
      return { ...part, key };
    });
    await Promise.all(this.writes);
    return kept;
  }

  /**
   * The program-wide record is chunked like the rest: packed, and when even that is over a chunk (100
   * teams that all depend on each other make a 9,900-cell matrix), its packed text is cut into pieces,
   * listed as parts of partition {@link PROGRAM_PIECES} (so they are deleted with the version), and the
   * program key holds only how many there are.
   */
  async finish(program: ProgramRecord): Promise<void> {
    const { stored, bytes } = pack(ProgramRecordSchema.parse(program));
    if (bytes <= CHUNK_TARGET_BYTES) {
      this.writeValue(this.programKey, stored, bytes);
    } else {
      const text = JSON.stringify(stored);
      const count = Math.ceil(text.length / CHUNK_TARGET_BYTES);
      for (let i = 0; i < count; i++) {
        const key = `${this.programKey}:${i}`;
        this.parts.push({ key, partition: PROGRAM_PIECES, count: 1 });
        const piece = text.slice(i * CHUNK_TARGET_BYTES, (i + 1) * CHUNK_TARGET_BYTES);
        this.written.add(key);
        this.writes.push(writeStored(key, ProgramPieceSchema, { piece }));
      }
      this.written.add(this.programKey);
      this.writes.push(writeStored(this.programKey, ProgramPiecesSchema, { pieces: count }));
    }
    await Promise.all(this.writes);
  }
}

function keyOf(record: unknown): string {
  const key: unknown = typeof record === 'object' && record !== null ? Reflect.get(record, 'key') : undefined;
  return typeof key === 'string' ? key : '';
}

export async function readProgramRecord(manifest: AnalysisManifest): Promise<ProgramRecord> {
  const raw = await readStored(manifest.programKey, z.unknown());
  if (raw === undefined) throw new StoredValueInvalid(manifest.programKey, 'missing');
  const pieces = ProgramPiecesSchema.safeParse(raw);
  const packed = pieces.success ? await joinedPieces(manifest) : raw;
  const record = ProgramRecordSchema.safeParse(unpack(packed));
  if (!record.success)
    throw new StoredValueInvalid(manifest.programKey, record.error.issues[0]?.message ?? 'invalid');
  return record.data;
}

async function joinedPieces(manifest: AnalysisManifest): Promise<unknown> {
  const keys = partsOf(manifest, PROGRAM_PIECES).map((p) => p.key);
  const pieces = await readValues(keys, ProgramPieceSchema);
  return JSON.parse(keys.map((key) => pieces.get(key)?.piece ?? '').join(''));
}

/** Every record of the chosen parts, parsed with `schema` (records that do not parse are an error). */
export async function readParts<S extends z.ZodType>(
  parts: readonly AnalysisPartRef[],
  schema: S,
): Promise<Array<z.infer<S>>> {
  const chunks = await readValues(
    parts.map((p) => p.key),
    AnalysisChunkSchema,
  );
  return parts.flatMap((part) =>
    (chunks.get(part.key)?.records ?? []).map((raw) => {
      const parsed = schema.safeParse(raw);
      if (!parsed.success)
        throw new StoredValueInvalid(part.key, parsed.error.issues[0]?.message ?? 'invalid');
      return parsed.data;
    }),
  );
}

export function partsOf(manifest: AnalysisManifest, partition: string): AnalysisPartRef[] {
  return manifest.parts.filter((p) => p.partition === partition);
}
