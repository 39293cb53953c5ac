/**
 * Packs stored issues into chunks under the KVS value limit, one project per chunk (so a reader loads
 * only the projects it may show, and finds an issue by its key's number), and writes each chunk as soon
 * as it is full: a build holds at most one open chunk per project in memory, not the whole program.
 * An open chunk holds its issues as UTF-8 JSON (checked against the stored schema as they are added):
 * each issue is serialised once, for its size and for the write; the issue objects of a 100k program
 * die young instead of outliving the page they came with, and the bytes wait outside the JS heap.
 */
import { issueNumberOf, projectKeyOf } from '../domain/issue-key';
import { snapshotChunkKey } from './keys';
import { CHUNK_TARGET_BYTES, writeChunkJson } from './snapshot-store';
import { StoredIssueSchema, type ChunkRef, type StoredIssue } from './snapshot-schema';

interface OpenChunk {
  project: string;
  /** Each issue's JSON as UTF-8, in the order added. */
  issues: Buffer[];
  numbers: number[];
  epics: number;
  bytes: number;
}

const OPEN = Buffer.from('{"issues":[');
const CLOSE = Buffer.from(']}');
/** `{"issues":[` + `]}`: what a chunk costs around its issues. */
const ENVELOPE_BYTES = OPEN.length + CLOSE.length;

/** `{"issues":[…]}` from its issues' JSON: exactly the bytes of JSON.stringify({ issues }). */
function chunkJson(issues: readonly Buffer[]): Buffer {
  const length = ENVELOPE_BYTES + issues.reduce((sum, issue) => sum + issue.length, 0) + issues.length - 1;
  const out = Buffer.allocUnsafe(length);
  let at = OPEN.copy(out, 0);
  issues.forEach((issue, i) => {
    if (i > 0) out[at++] = 0x2c; // ','
    at += issue.copy(out, at);
  });
  CLOSE.copy(out, at);
  return out;
}

export const byteLength = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

const isEpic = (issue: StoredIssue): boolean => {
  const type = issue.fields.issuetype;
  return typeof type === 'object' && type !== null && 'hierarchyLevel' in type && type.hierarchyLevel === 1;
};

/** Sorted, merged runs of issue numbers: [[1, 100], [301, 350]]. */
export function keyRanges(issues: readonly StoredIssue[]): Array<[number, number]> {
  return numberRanges(issues.map((i) => issueNumberOf(i.key)));
}

function numberRanges(unsorted: readonly number[]): Array<[number, number]> {
  const numbers = [...unsorted].sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  for (const n of numbers) {
    const last = ranges[ranges.length - 1];
    if (last && n <= last[1] + 1) last[1] = Math.max(last[1], n);
    else ranges.push([n, n]);
  }
  return ranges;
}

export class ChunkWriter {
  private readonly open = new Map<string, OpenChunk>();
  private readonly writes: Promise<void>[] = [];
  private readonly written: ChunkRef[] = [];
  private failure: Error | undefined;
  private next = 0;

  constructor(
    private readonly version: string,
    private readonly targetBytes = CHUNK_TARGET_BYTES,
  ) {}

  /** The JSON size of the largest issue a chunk can hold. */
  get maxIssueBytes(): number {
    return this.targetBytes - ENVELOPE_BYTES - 1;
  }

  /**
   * Adds an issue (`json` is its JSON when the caller has it already); returns false (and stores
   * nothing) when the issue alone exceeds a chunk. Throws when the issue is not a stored issue.
   */
  add(issue: StoredIssue, json: string = JSON.stringify(issue)): boolean {
    const bytes = Buffer.from(json, 'utf8');
    const size = bytes.length + 1;
    if (size + ENVELOPE_BYTES > this.targetBytes) return false;
    // Nothing invalid is ever written: checked here, since the chunk is written from the JSON.
    StoredIssueSchema.parse(issue);
    const project = projectKeyOf(issue.key);
    let chunk = this.open.get(project);
    if (chunk && chunk.bytes + size > this.targetBytes) {
      this.flush(chunk);
      chunk = undefined;
    }
    if (!chunk) {
      chunk = { project, issues: [], numbers: [], epics: 0, bytes: ENVELOPE_BYTES };
      this.open.set(project, chunk);
    }
    chunk.issues.push(bytes);
    chunk.numbers.push(issueNumberOf(issue.key));
    if (isEpic(issue)) chunk.epics++;
    chunk.bytes += size;
    return true;
  }

  /** Writes what is left and waits for every write; throws the first write failure. */
  async finish(): Promise<ChunkRef[]> {
    [...this.open.values()].forEach((chunk) => this.flush(chunk));
    await Promise.all(this.writes);
    if (this.failure !== undefined) throw this.failure;
    return [...this.written].sort((a, b) => (a.key < b.key ? -1 : 1));
  }

  private flush(chunk: OpenChunk): void {
    this.open.delete(chunk.project);
    if (chunk.issues.length === 0) return;
    const key = snapshotChunkKey(this.version, this.next++);
    const ref: ChunkRef = {
      key,
      project: chunk.project,
      count: chunk.issues.length,
      epics: chunk.epics,
      bytes: chunk.bytes,
      ranges: numberRanges(chunk.numbers),
    };
    this.writes.push(
      writeChunkJson(key, chunkJson(chunk.issues)).then(
        () => void this.written.push(ref),
        (error: unknown) => {
          this.failure ??= error instanceof Error ? error : new Error(String(error));
        },
      ),
    );
  }
}
