/**
 * Runs every analysis on a normalised program and assembles the result. Lists are sorted by issue
 * key (or team) so the same program always gives the same output.
 */
import type { ProjectField, ResolvedField } from './config/field-resolution';
import type { ProgramConfig } from './config/program-config';
import { itemGroups } from './model/item-groups';
import type { ParentSource, ProgramModel } from './model/program-model';
import type { LinkTypeVerdict } from './normalise/link-direction';
import { cadenceFromEvidence, type CadenceAdvice } from './cadence/cadence-advice';
import { cadenceEvidenceOf, type CadenceEvidence } from './cadence/cadence-evidence';
import { criticalPath } from './graph/critical-path';
import { buildDependencyGraph, type DependencyGraph } from './graph/dependency-graph';
import { dependencyTrail, type TrailDirection } from './graph/dependency-trail';
import { epicDependencies, type EpicDependency } from './graph/epic-rollup';
import { cyclePath } from './graph/cycle-path';
import { findCycles, stronglyConnectedComponents } from './graph/find-cycles';
import { openDependencies, type OpenDependency } from './graph/open-dependencies';
import { teamMatrix, type TeamMatrix } from './graph/team-matrix';
import { teamHorizons, type TeamHorizon } from './horizon/ready-horizon';
import { openImpedimentBlocks, type ImpedimentBlock } from './impediments/impediment-blocks';
import { impedimentMetrics, type ImpedimentMetrics } from './impediments/impediment-metrics';
import { epicPriorities, type ProgramPriority } from './priority/program-priority';
import { compareIssueKeys } from './priority/metascrum-order';
import { sortByIssueKey } from './priority/sort-by-issue-key';
import type { ItemReadiness } from './readiness/definition-of-ready';
import { programReadiness, type EpicReadiness } from './readiness/program-readiness';
import { rankFlowDown, type TeamRankFlow } from './rank/team-rank-flow';

export interface DependencyCycle {
  /** Members in key order (for lookups). */
  keys: string[];
  /** The cycle in dependency order as a closed path: prerequisite → dependant, last = first. */
  path: string[];
  teams: string[];
}

export interface ProgramAnalysis {
  program: {
    name: string;
    now: string;
    teams: string[];
    issues: number;
    openBacklogItems: number;
    epics: number;
  };
  /** Program-wide fields, then the projects whose story points live elsewhere (with `project`). */
  fields: Array<ResolvedField | (ProjectField & { role: 'storyPoints' })>;
  linkTypes: LinkTypeVerdict[];
  /** How many items took their parent from each field (`parent`, else Epic Link, else Parent Link). */
  parentSources: Record<ParentSource, number>;
  warnings: string[];
  dependencies: OpenDependency[];
  cycles: DependencyCycle[];
  criticalPath: { keys: string[]; length: number; teams: string[] };
  matrix: TeamMatrix;
  epicDependencies: EpicDependency[];
  readiness: ItemReadiness[];
  epicReadiness: EpicReadiness[];
  teams: TeamHorizon[];
  priority: ProgramPriority;
  rankMoves: TeamRankFlow[];
  impediments: ImpedimentMetrics;
  /** Open impediments and the open items they block. */
  impedimentBlocks: ImpedimentBlock[];
  cadence: CadenceAdvice;
  /** What the cadence advice is computed from, per project (a narrower view advises on its scope). */
  cadenceEvidence: CadenceEvidence;
  /** Everything `key` transitively needs (upstream) or that needs it (downstream), with depth. */
  trail(
    key: string,
    direction: TrailDirection,
  ): Array<{ key: string; team: string | undefined; depth: number }>;
}

export interface ModelOptions {
  nowMs: number;
  epicOrder: readonly string[];
  linkTypes: ProgramAnalysis['linkTypes'];
  /** What the caller had to guess before the model (link types); listed before the model's own. */
  warnings?: readonly string[];
  /** The model's open dependency graph, when the caller built it to hand to the forecast as well. */
  graph?: DependencyGraph | undefined;
}

/** Epic Link and Parent Link are older than `parent`: when they supply a parent, say so. */
function parentWarnings(counts: Record<ParentSource, number>, model: ProgramModel): string[] {
  const field = (role: 'epicLink' | 'parentLink') => {
    const f = model.fieldResolution.fields.find((r) => r.role === role);
    return f?.id === undefined ? role : `${role} (${f.id})`;
  };
  return [
    ...(counts['epic-link'] > 0
      ? [`${counts['epic-link']} item(s) have no parent; their epic was read from ${field('epicLink')}`]
      : []),
    ...(counts['parent-link'] > 0
      ? [
          `${counts['parent-link']} item(s) have no parent nor Epic Link; their epic was read from ${field('parentLink')}`,
        ]
      : []),
  ];
}

const distinct = (values: ReadonlyArray<string | undefined>) => [
  ...new Set(values.filter((v): v is string => v !== undefined)),
];

export function analyseModel(
  model: ProgramModel,
  config: ProgramConfig,
  options: ModelOptions,
): ProgramAnalysis {
  const { items } = model;
  const groups = itemGroups(items);
  const graph = options.graph ?? buildDependencyGraph(model);
  const components = stronglyConnectedComponents(graph);
  const dependencies = openDependencies(model, graph);
  const cadenceEvidence = cadenceEvidenceOf(
    model,
    groups,
    dependencies.filter((d) => d.crossTeam),
    options.nowMs,
    config.cadence,
  );
  const cycles = findCycles(graph, components)
    .map((nodes) => {
      const keys = nodes.map((v) => items[v]?.key ?? '').sort(compareIssueKeys);
      const byKey = (a: number, b: number) => compareIssueKeys(items[a]?.key ?? '', items[b]?.key ?? '');
      const path = cyclePath(graph, nodes, byKey).map((v) => items[v]?.key ?? '');
      return { keys, path, teams: distinct(nodes.map((v) => items[v]?.team)).sort() };
    })
    .sort((a, b) => compareIssueKeys(a.keys[0] ?? '', b.keys[0] ?? ''));
  const path = criticalPath(graph, components, (v) => items[v]?.points ?? 1);
  const pathKeys = path.steps.flatMap((step) => step.map((v) => items[v]?.key ?? '').sort(compareIssueKeys));
  const epicEdges = epicDependencies(model, graph);
  const readiness = programReadiness(model, groups, graph, dependencies, config);
  const priority = epicPriorities(model, groups.openEpics, graph, epicEdges, options.epicOrder);
  const { parentSources } = groups;
  const impedimentBlocks = openImpedimentBlocks(model);
  const sortedDependencies = sortByIssueKey(
    dependencies,
    (d) => d.from,
    (d) => d.to,
  );
  return {
    program: {
      name: config.name,
      now: new Date(options.nowMs).toISOString(),
      teams: model.teams,
      issues: groups.inProgram,
      openBacklogItems: readiness.items.length,
      epics: groups.epicsInProgram,
    },
    fields: [
      ...model.fieldResolution.fields,
      ...model.fieldResolution.storyPointsByProject.map((p) => ({ role: 'storyPoints' as const, ...p })),
    ],
    linkTypes: options.linkTypes,
    parentSources,
    warnings: [
      ...model.fieldResolution.warnings,
      ...parentWarnings(parentSources, model),
      ...(options.warnings ?? []),
      ...model.warnings,
    ],
    dependencies: sortedDependencies,
    cycles,
    criticalPath: {
      keys: pathKeys,
      length: path.length,
      teams: distinct(path.steps.flatMap((step) => step.map((v) => items[v]?.team))),
    },
    matrix: teamMatrix(dependencies, model.teams),
    epicDependencies: epicEdges,
    readiness: sortByIssueKey(readiness.items, (r) => r.key),
    epicReadiness: sortByIssueKey(readiness.epics, (r) => r.key),
    teams: teamHorizons(model, groups.backlog, readiness.readyNodes, config),
    priority,
    rankMoves: rankFlowDown(model, groups.openBacklog, priority.order),
    impediments: impedimentMetrics(model, groups, impedimentBlocks, config, options.nowMs),
    impedimentBlocks,
    cadence: cadenceFromEvidence(cadenceEvidence),
    cadenceEvidence,
    trail: (key, direction) => {
      const start = model.indexOf.get(key);
      if (start === undefined) return [];
      return dependencyTrail(graph, start, direction).map(({ node, depth }) => ({
        key: items[node]?.key ?? '',
        team: items[node]?.team,
        depth,
      }));
    },
  };
}
