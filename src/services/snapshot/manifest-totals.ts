import type { ChunkRef, SnapshotManifest } from '../../storage/snapshot-schema';
import type { ProgramMeta } from './program-meta';

/** The manifest's totals and per-project counts, from its chunks (the chunks are the truth). */
export function summarizeChunks(
  chunks: readonly ChunkRef[],
  meta: ProgramMeta,
): Pick<SnapshotManifest, 'projects' | 'chunks' | 'issueCount' | 'epicCount' | 'bytes'> {
  const counts = new Map<string, number>();
  chunks.forEach((c) => counts.set(c.project, (counts.get(c.project) ?? 0) + c.count));
  const projects = [...meta.projects.values()]
    .map((p) => ({ ...p, issueCount: counts.get(p.key) ?? 0 }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  return {
    projects,
    chunks: [...chunks],
    issueCount: chunks.reduce((n, c) => n + c.count, 0),
    epicCount: chunks.reduce((n, c) => n + c.epics, 0),
    bytes: chunks.reduce((n, c) => n + c.bytes, 0),
  };
}
