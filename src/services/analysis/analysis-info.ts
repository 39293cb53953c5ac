import type { AnalysisInfo } from '../../shared/contract';
import type { AnalysisManifest } from '../../storage/analysis-schema';
import type { StoredOrder } from '../../storage/metascrum-order';
import type { SnapshotManifest } from '../../storage/snapshot-schema';

/** Whether the stored analysis was computed from this snapshot, config and MetaScrum order. */
export function analysisInfoOf(
  snapshot: SnapshotManifest | undefined,
  manifest: AnalysisManifest | undefined,
  order: StoredOrder | undefined,
  stored: { version: number } | undefined,
): AnalysisInfo {
  const current =
    manifest !== undefined &&
    manifest.snapshotVersion === snapshot?.version &&
    manifest.orderVersion === (order?.version ?? 0) &&
    manifest.configVersion === (stored?.version ?? 0);
  return {
    state: !manifest ? 'missing' : current ? 'ready' : 'stale',
    computedAt: manifest?.computedAt ?? null,
  };
}
