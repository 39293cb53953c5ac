/**
 * Runs the analysis engine on the current snapshot and stores its per-view results (as the app, in the
 * queue consumer: after each snapshot build or refresh, and after a change of the program config or the
 * MetaScrum order). Issues are fed to the engine one batch of chunks at a time, so the consumer never
 * holds the raw program and its model at once.
 */
import { analyseModel } from '../../domain/analyse-model';
import type { AnalysisManifest } from '../../storage/analysis-schema';
import { AnalysisWriter, readAnalysisManifest, switchAnalysis } from '../../storage/analysis-store';
import { projectKeyOf } from '../../domain/issue-key';
import type { ProgramConfig } from '../../domain/config/program-config';
import { epicLinks } from './epic-links';
import { forecastProgram } from '../../domain/forecast/forecast-program';
import type { ProgramModel } from '../../domain/model/program-model';
import { buildDependencyGraph, type DependencyGraph } from '../../domain/graph/dependency-graph';
import type { ProgramForecast } from '../../domain/forecast/forecast-entry';
import type { SnapshotManifest } from '../../storage/snapshot-schema';
import type { ProgramAnalysis } from '../../domain/analyse-model';
import { forecastRecord } from '../../storage/forecast-schema';
import { epicRecords } from './epic-records';
import { detectSlips } from '../../domain/alerts/slip-alerts';
import { slipAlertsLogged } from '../alerts/slip-alert-run';
import type { IssueFacts } from './issue-facts';
import { loadSnapshotModel, type SnapshotLens } from './snapshot-model';

export type { SnapshotLens } from './snapshot-model';
import { SECURED_PARTITION } from './secured-issues';
import {
  agendaRecords,
  graphRecords,
  impedimentRecords,
  itemRecords,
  programRecord,
  rankRecords,
} from './view-records';

function groupBy<T>(records: readonly T[], partition: (r: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const r of records) {
    const p = partition(r);
    const group = groups.get(p);
    if (group) group.push(r);
    else groups.set(p, [r]);
  }
  return groups;
}

const byKeyNumber = <T extends { key: string }>(records: T[]) =>
  records.sort((a, b) => Number(a.key.split('-')[1]) - Number(b.key.split('-')[1]));

/**
 * The forecast runs after the analysis, on the same model (docs/DOMAIN.md "Forecast"). It is an addition to
 * the views: when it fails, the analysis is stored without it and the failure is logged.
 */
export function forecastOf(
  run: Pick<AnalysedSnapshot, 'model' | 'analysis' | 'config' | 'graph'>,
  now: number,
): ProgramForecast | undefined {
  try {
    return forecastProgram(run.model, {
      nowMs: now,
      epicOrder: run.analysis.priority.order,
      settings: run.config.forecast,
      graph: run.graph,
    });
  } catch (error) {
    console.error(JSON.stringify({ event: 'forecast-failed', error: String(error) }));
    return undefined;
  }
}

function addForecast(writer: AnalysisWriter, forecast: ProgramForecast | undefined): void {
  if (!forecast) return;
  writer.addPartition('forecast-meta', [
    { trials: forecast.trials, seed: forecast.seed, teams: forecast.teams },
  ]);
  writer.addPartition('forecast-epics', forecast.epics.map(forecastRecord));
  for (const [project, items] of groupBy(forecast.items.map(forecastRecord), (r) => projectKeyOf(r.key)))
    writer.addPartition(`forecast-items:${project}`, byKeyNumber(items), true);
}

export interface AnalysedSnapshot {
  snapshot: SnapshotManifest;
  configVersion: number;
  orderVersion: number;
  config: ProgramConfig;
  model: ProgramModel;
  analysis: ProgramAnalysis;
  /** The analysis's dependency graph of `model`, which the forecast reads too (built once). */
  graph: DependencyGraph;
  facts: IssueFacts;
}

/** The engine on the stored snapshot at `now` (the consumer's run; the preview's demo history replays it). */
export async function analyseSnapshot(
  now: number,
  lens?: SnapshotLens,
): Promise<AnalysedSnapshot | undefined> {
  const loaded = await loadSnapshotModel(now, lens);
  if (!loaded) return undefined;
  const { analyser, model } = loaded;
  const graph = buildDependencyGraph(model);
  const analysis = analyseModel(model, analyser.config, {
    nowMs: now,
    epicOrder: loaded.order?.keys ?? [],
    linkTypes: analyser.linkTypes,
    warnings: analyser.linkTypeWarnings,
    graph,
  });
  return {
    snapshot: loaded.snapshot,
    configVersion: loaded.configVersion,
    orderVersion: loaded.order?.version ?? 0,
    config: analyser.config,
    model,
    analysis,
    graph,
    facts: loaded.facts,
  };
}

export async function computeAnalysis(now: number): Promise<AnalysisManifest | undefined> {
  const run = await analyseSnapshot(now);
  if (!run) return undefined;
  const { model, analysis, facts } = run;

  const version = `${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  // Parts equal to the current analysis's are named again, not written again.
  const writer = new AnalysisWriter(version, await readAnalysisManifest());
  for (const [project, epics] of groupBy(epicRecords(analysis, model, facts), (e) => e.project))
    writer.addPartition(`epics:${project}`, epics);
  // By the epic's project: the epic's issue panel reads its own project's part only.
  for (const [project, links] of groupBy(epicLinks(analysis, model, facts), (l) => projectKeyOf(l.epic)))
    writer.addPartition(`epic-links:${project}`, links);
  for (const [project, items] of groupBy(itemRecords(analysis, facts), (r) => projectKeyOf(r.key)))
    writer.addPartition(`items:${project}`, byKeyNumber(items), true);
  const graph = graphRecords(analysis, model, facts);
  // By project, so the issue panel reads only the teams its trail reaches (see services/issue/trail-graph.ts).
  for (const [project, nodes] of groupBy(graph.nodes, (n) => projectKeyOf(n.key)))
    writer.addPartition(`nodes:${project}`, nodes);
  for (const [project, edges] of groupBy(graph.edges, (e) => projectKeyOf(e.to)))
    writer.addPartition(`edges-in:${project}`, edges);
  for (const [project, edges] of groupBy(graph.edges, (e) => projectKeyOf(e.from)))
    writer.addPartition(`edges-out:${project}`, edges);
  writer.addPartition('epic-edges', graph.epicEdges);
  for (const [team, ops] of groupBy(rankRecords(analysis), (r) => r.team))
    writer.addPartition(`rank:${team}`, ops);
  writer.addPartition('agenda', agendaRecords(analysis, model));
  writer.addPartition(
    'impediments',
    impedimentRecords(analysis, now, (key) => facts.get(key)?.id),
  );
  writer.addPartition(
    'impediment-blocks',
    analysis.impedimentBlocks.map((b) => ({
      ...b,
      impedimentId: facts.get(b.impediment)?.id ?? '',
      blocksId: facts.get(b.blocks)?.id ?? '',
    })),
  );
  writer.addPartition('cycles', analysis.cycles);
  const secured = [...facts].filter(([, f]) => f.secured).map(([key, f]) => ({ key, id: f.id }));
  for (const [project, records] of groupBy(secured, (r) => projectKeyOf(r.key)))
    writer.addPartition(`${SECURED_PARTITION}:${project}`, records);
  const forecast = forecastOf(run, now);
  addForecast(writer, forecast);
  writer.addPartition('inversions', analysis.priority.inversions);
  await writer.finish(programRecord(analysis, run.config));

  const next: AnalysisManifest = {
    schemaVersion: 1,
    version,
    computedAt: new Date(now).toISOString(),
    snapshotVersion: run.snapshot.version,
    configVersion: run.configVersion,
    orderVersion: run.orderVersion,
    programKey: writer.programKey,
    parts: writer.parts,
  };
  // The pointer may already name an analysis of newer inputs (another job finished first): then that stays.
  const current = await switchAnalysis(next, now, writer);
  // Slips are judged by the analysis the views show; without a forecast, epics' due dates cannot be.
  if (current.version === version && forecast)
    await slipAlertsLogged(detectSlips(analysis.dependencies, forecast.epics), run.config, next.computedAt);
  return current;
}
