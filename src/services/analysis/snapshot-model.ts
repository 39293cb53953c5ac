/**
 * The stored snapshot as the engine's model: config, MetaScrum order, sprints and issues read from storage
 * and normalised, without analysing them. The consumer analyses it (compute-analysis.ts); the panel's
 * reorder preview forecasts it under a proposed order (services/panel/order-preview.ts). Issues are fed
 * one batch of chunks at a time, so the raw program and its model are never held at once.
 */
import { ProgramAnalyser } from '../../domain/analyse-program';
import { parseProgramConfig } from '../../domain/config/program-config';
import type { ProgramModel } from '../../domain/model/program-model';
import { readMetascrumOrder, type StoredOrder } from '../../storage/metascrum-order';
import { readStoredConfig } from '../../storage/program-config';
import type { SnapshotManifest, StoredIssue, StoredSprint } from '../../storage/snapshot-schema';
import { readChunks, readManifest, readMeta } from '../../storage/snapshot-store';
import { resolutionOf } from '../snapshot/program-meta';
import { recordFacts, type IssueFacts } from './issue-facts';

const BATCH = 20;

/**
 * The snapshot as the engine should see it: as stored (the consumer), or as it was at an earlier date
 * (the local preview's demo history, dev/preview/demo-as-of.ts).
 */
export interface SnapshotLens {
  issues(issues: StoredIssue[]): StoredIssue[];
  sprints(sprints: StoredSprint[]): StoredSprint[];
}

export interface SnapshotModel {
  snapshot: SnapshotManifest;
  configVersion: number;
  order: StoredOrder | undefined;
  /** Holds the parsed config and the link-type verdicts the analysis reports. */
  analyser: ProgramAnalyser;
  model: ProgramModel;
  facts: IssueFacts;
}

export async function loadSnapshotModel(
  now: number,
  lens?: SnapshotLens,
): Promise<SnapshotModel | undefined> {
  const manifest = await readManifest();
  if (!manifest) return undefined;
  const [stored, order, meta] = await Promise.all([
    readStoredConfig(),
    readMetascrumOrder(),
    readMeta(manifest),
  ]);
  // The fields as the snapshot resolved them (and fetched them): the engine never resolves them again.
  const analyser = new ProgramAnalyser(stored?.config ?? parseProgramConfig({}), {
    sprints: lens ? lens.sprints(meta.sprints) : meta.sprints,
    issueLinkTypes: meta.linkTypes,
    fieldResolution: resolutionOf(meta),
  });
  const facts: IssueFacts = new Map();
  for (let i = 0; i < manifest.chunks.length; i += BATCH) {
    const chunks = await readChunks(manifest.chunks.slice(i, i + BATCH).map((c) => c.key));
    for (const chunk of chunks.values()) {
      const issues = lens ? lens.issues(chunk.issues) : chunk.issues;
      analyser.addIssues(issues);
      recordFacts(facts, issues);
    }
  }
  return {
    snapshot: manifest,
    configVersion: stored?.version ?? 0,
    order,
    analyser,
    model: analyser.model(now),
    facts,
  };
}
