/**
 * Never less data after a failure: when Jira fails a part of a full build after the census, the issues
 * of that part keep their previous snapshot data (marked partial), instead of vanishing until the next
 * build. And partial reasons are aggregated by reason, so 1,000 failed pages make one line, not 113 KB.
 */
import type { PartialReason } from '../../shared/contract';
import type { ChunkWriter } from '../../storage/chunk-writer';
import type { SnapshotManifest } from '../../storage/snapshot-schema';
import { readChunks } from '../../storage/snapshot-store';
import type { ProgramMeta } from './program-meta';

const CHUNKS_PER_READ = 20;
/** Scopes named per reason; the rest are counted. */
const SCOPES_NAMED = 5;

/** Copies the previous snapshot's data of the `unread` issue ids into `writer`; returns how many. */
export async function keepPreviousIssues(
  previous: SnapshotManifest,
  unread: ReadonlySet<string>,
  writer: ChunkWriter,
  meta: ProgramMeta,
): Promise<number> {
  let kept = 0;
  for (let i = 0; i < previous.chunks.length && kept < unread.size; i += CHUNKS_PER_READ) {
    const chunks = await readChunks(previous.chunks.slice(i, i + CHUNKS_PER_READ).map((c) => c.key));
    for (const chunk of chunks.values()) {
      for (const issue of chunk.issues) {
        if (!unread.has(issue.id) || !writer.add(issue)) continue;
        meta.observe(issue);
        kept++;
      }
    }
  }
  return kept;
}

/** One reason per distinct cause, naming its first scopes and counting the others. */
export function aggregateReasons(reasons: ReadonlyArray<{ scope: string; reason: string }>): PartialReason[] {
  const byReason = new Map<string, string[]>();
  for (const { scope, reason } of reasons) {
    const scopes = byReason.get(reason);
    if (scopes) scopes.push(scope);
    else byReason.set(reason, [scope]);
  }
  return [...byReason].map(([reason, scopes]) => {
    const named = scopes.slice(0, SCOPES_NAMED).join('; ');
    const more = scopes.length - SCOPES_NAMED;
    return { scope: more > 0 ? `${named}; and ${more} more` : named, reason };
  });
}
