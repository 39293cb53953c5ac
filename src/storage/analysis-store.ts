/**
 * The analysis views in @forge/kvs, with the snapshot's discipline: records are written in chunks under
 * the value limit under version-specific keys, then the pointer is switched (see analysis-pointer.ts).
 * Readers read the pointer, then only the partitions (e.g. one project's epics) they need.
 */
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
import { readStored, StoredValueInvalid, writePacked, writeStored } from './stored-json';
export { readAnalysisManifest, switchAnalysis } from './analysis-pointer';

export const ANALYSIS_DATA_PREFIX = 'analysis:data:v1:';
/** The partition listing the pieces of a program record too large for one value. */
export const PROGRAM_PIECES = 'program-pieces';
const ProgramPiecesSchema = z.strictObject({ pieces: z.number().int().min(1) });
const ProgramPieceSchema = z.strictObject({ piece: z.string() });

const programKeyOf = (version: string) => programKey(`${ANALYSIS_DATA_PREFIX}${version}:program`);

/** Writes one version's partitions and program record; returns the part refs for its manifest. */
export class AnalysisWriter {
  private next = 0;
  private readonly writes: Promise<void>[] = [];
  readonly parts: AnalysisPartRef[] = [];

  constructor(readonly version: string) {}

  get programKey(): string {
    return programKeyOf(this.version);
  }

  /** `numbered`: records have an issue `key`, sorted by it; chunks then record their key-number range. */
  addPartition(partition: string, records: readonly unknown[], numbered = false): void {
    let current: unknown[] = [];
    let bytes = 16;
    const flush = () => {
      if (current.length === 0) return;
      const key = programKey(`${ANALYSIS_DATA_PREFIX}${this.version}:part:${this.next++}`);
      const ref: AnalysisPartRef = { key, partition, count: current.length };
      if (numbered) {
        const numbers = current.map((r) => issueNumberOf(keyOf(r)));
        ref.first = Math.min(...numbers);
        ref.last = Math.max(...numbers);
      }
      this.parts.push(ref);
      this.writes.push(writePacked(key, AnalysisChunkSchema, { records: current }));
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

  /**
   * The program-wide record is chunked like the rest: packed, and when even that is over a chunk (100
   * teams that all depend on each other make a 9,900-cell matrix), its packed text is cut into pieces,
   * listed as parts of partition {@link PROGRAM_PIECES} (so they are deleted with the version), and the
   * program key holds only how many there are.
   */
  async finish(program: ProgramRecord): Promise<void> {
    const { stored, bytes } = pack(ProgramRecordSchema.parse(program));
    if (bytes <= CHUNK_TARGET_BYTES) {
      this.writes.push(writePacked(this.programKey, ProgramRecordSchema, program));
    } else {
      const text = JSON.stringify(stored);
      const count = Math.ceil(text.length / CHUNK_TARGET_BYTES);
      for (let i = 0; i < count; i++) {
        const key = `${this.programKey}:${i}`;
        this.parts.push({ key, partition: PROGRAM_PIECES, count: 1 });
        const piece = text.slice(i * CHUNK_TARGET_BYTES, (i + 1) * CHUNK_TARGET_BYTES);
        this.writes.push(writeStored(key, ProgramPieceSchema, { piece }));
      }
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
