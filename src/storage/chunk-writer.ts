/**
 * Packs stored issues into chunks under the KVS value limit, one project per chunk (so a reader loads
 * only the projects it may show, and finds an issue by its key's number), and writes each chunk as soon
 * as it is full: a build holds at most one open chunk per project in memory, not the whole program.
 */
import { issueNumberOf, projectKeyOf } from '../domain/issue-key';
import { snapshotChunkKey } from './keys';
import { CHUNK_TARGET_BYTES, writeChunk } from './snapshot-store';
import type { ChunkRef, StoredIssue } from './snapshot-schema';

interface OpenChunk {
  project: string;
  issues: StoredIssue[];
  bytes: number;
}

/** `{"issues":[` + `]}`: what a chunk costs around its issues. */
const ENVELOPE_BYTES = 13;

export const byteLength = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

const isEpic = (issue: StoredIssue): boolean => {
  const type = issue.fields.issuetype;
  return typeof type === 'object' && type !== null && 'hierarchyLevel' in type && type.hierarchyLevel === 1;
};

/** Sorted, merged runs of issue numbers: [[1, 100], [301, 350]]. */
export function keyRanges(issues: readonly StoredIssue[]): Array<[number, number]> {
  const numbers = issues.map((i) => issueNumberOf(i.key)).sort((a, b) => a - b);
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

  /** Adds an issue; returns false (and stores nothing) when the issue alone exceeds a chunk. */
  add(issue: StoredIssue): boolean {
    const size = byteLength(issue) + 1;
    if (size + ENVELOPE_BYTES > this.targetBytes) return false;
    const project = projectKeyOf(issue.key);
    let chunk = this.open.get(project);
    if (chunk && chunk.bytes + size > this.targetBytes) {
      this.flush(chunk);
      chunk = undefined;
    }
    if (!chunk) {
      chunk = { project, issues: [], bytes: ENVELOPE_BYTES };
      this.open.set(project, chunk);
    }
    chunk.issues.push(issue);
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
      epics: chunk.issues.filter(isEpic).length,
      bytes: chunk.bytes,
      ranges: keyRanges(chunk.issues),
    };
    this.writes.push(
      writeChunk(key, { issues: chunk.issues }).then(
        () => void this.written.push(ref),
        (error: unknown) => {
          this.failure ??= error instanceof Error ? error : new Error(String(error));
        },
      ),
    );
  }
}
