/**
 * Keeps the collapsed issue-context panel's status badge (an issue property Jira reads, see
 * src/jira/issue-status-property.ts) equal to what the expanded panel shows: the open conflicts plus
 * the open blockers on the issue's direct dependencies. Counted over the whole program, not per user:
 * the property sits on the issue, visible to whoever sees the issue, and a count names no issue.
 * Runs as the app after each analysis; writes only what changed since the last run and at most
 * MAX_WRITES per run, so a re-run with no change sends nothing and a large change spreads over runs.
 */
import { projectKeyOf } from '../../domain/issue-key';
import pLimit from 'p-limit';
import type { JiraClient } from '../../jira/client';
import {
  currentAppId,
  deleteStatusBadge,
  putStatusBadge,
  statusPropertyKey,
} from '../../jira/issue-status-property';
import {
  EpicLinkRecordSchema,
  GraphEdgeSchema,
  ImpedimentBlockRecordSchema,
  type AnalysisManifest,
  type EpicLinkRecord,
  type GraphEdge,
  type ImpedimentBlockRecord,
} from '../../storage/analysis-schema';
import { partsOf, readParts } from '../../storage/analysis-store';
import { readWrittenBadges, storeWrittenBadges } from '../../storage/status-badges';
import { DEFAULT_CONCURRENCY } from '../snapshot/build-context';

export const MAX_WRITES = 500;

/** Issue key → badge count (> 0 only), by the rule of services/issue/issue-context.ts `badge`. */
export function badgeCounts(
  edges: readonly GraphEdge[],
  impedimentBlocks: readonly ImpedimentBlockRecord[] = [],
  epicLinks: readonly EpicLinkRecord[] = [],
): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const e of edges) {
    if (e.status === 'conflict') {
      add(e.from);
      if (e.to !== e.from) add(e.to);
    }
    add(e.to); // an open dependency into the issue: a blocker
  }
  for (const b of impedimentBlocks) add(b.blocks); // an open impediment on it: a blocker too
  // An epic carries its children's conflicts (its own direct ones are counted above), once each.
  const childConflicts = new Set<string>();
  for (const l of epicLinks) {
    if (l.status !== 'conflict' || l.child === l.epic) continue;
    const dependency = l.direction === 'needs' ? `${l.other}>${l.child}` : `${l.child}>${l.other}`;
    if (childConflicts.has(`${l.epic} ${dependency}`)) continue;
    childConflicts.add(`${l.epic} ${dependency}`);
    add(l.epic);
  }
  return counts;
}

export interface BadgeSyncOutcome {
  put: number;
  deleted: number;
  failed: number;
  /** Changes left for the next run (over MAX_WRITES). */
  postponed: number;
}

export async function syncStatusBadges(
  asApp: JiraClient,
  manifest: AnalysisManifest,
  options: { maxWrites?: number; concurrency?: number; owns?: (projectKey: string) => boolean } = {},
): Promise<BadgeSyncOutcome> {
  // An issue has one badge: of the programs holding its project, only the owner writes it (and
  // deletes it), so two programs sharing a team never undo each other's badges.
  const owns = options.owns ?? (() => true);
  const owned = (entries: Iterable<[string, number]>) =>
    new Map([...entries].filter(([key]) => owns(projectKeyOf(key))));
  const edgeParts = manifest.parts.filter((p) => p.partition.startsWith('edges-in:'));
  const linkParts = manifest.parts.filter((p) => p.partition.startsWith('epic-links:'));
  const [edges, blocks, links] = await Promise.all([
    readParts(edgeParts, GraphEdgeSchema),
    readParts(partsOf(manifest, 'impediment-blocks'), ImpedimentBlockRecordSchema),
    readParts(linkParts, EpicLinkRecordSchema),
  ]);
  const wanted = owned(badgeCounts(edges, blocks, links));
  const written = owned(await readWrittenBadges());
  const changes: Array<{ key: string; count: number }> = [];
  for (const [key, count] of wanted) if (written.get(key) !== count) changes.push({ key, count });
  for (const key of written.keys()) if (!wanted.has(key)) changes.push({ key, count: 0 });
  const batch = changes.slice(0, options.maxWrites ?? MAX_WRITES);
  if (batch.length === 0) return { put: 0, deleted: 0, failed: 0, postponed: 0 };

  const propertyKey = statusPropertyKey(currentAppId());
  const limit = pLimit(options.concurrency ?? DEFAULT_CONCURRENCY);
  const done = new Set<string>();
  let failed = 0;
  await Promise.all(
    batch.map(({ key, count }) =>
      limit(async () => {
        try {
          if (count > 0) await putStatusBadge(asApp, key, propertyKey, count);
          else await deleteStatusBadge(asApp, key, propertyKey);
          if (count > 0) written.set(key, count);
          else written.delete(key);
          done.add(key);
        } catch (error) {
          // The record keeps the old state for this issue, so the next run tries again.
          failed++;
          console.warn(JSON.stringify({ event: 'status-badge-failed', issue: key, error: String(error) }));
        }
      }),
    ),
  );
  await storeWrittenBadges(written, done);
  const deleted = batch.filter((c) => c.count === 0 && done.has(c.key)).length;
  return { put: done.size - deleted, deleted, failed, postponed: changes.length - batch.length };
}
