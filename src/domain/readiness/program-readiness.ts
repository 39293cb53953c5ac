/**
 * Readiness of every open backlog item of the program, and epic readiness (DOMAIN.md): ready points /
 * open points of the epic's open children, plus the epic's own rules (description, team).
 */
import type { ProgramConfig } from '../config/program-config';
import type { ItemGroups } from '../model/item-groups';
import type { ProgramItem, ProgramModel } from '../model/program-model';
import type { DependencyGraph } from '../graph/dependency-graph';
import type { OpenDependency } from '../graph/open-dependencies';
import {
  readinessEvaluator,
  type ItemReadiness,
  type ReadinessFacts,
  type RuleResult,
} from './definition-of-ready';

export interface EpicReadiness {
  key: string;
  team: string | undefined;
  openChildren: number;
  readyChildren: number;
  openPoints: number;
  readyPoints: number;
  /** readyPoints / openPoints, 0-1; null when the open children carry no points. */
  readyShare: number | null;
  ready: boolean;
  rules: RuleResult[];
}

export interface ProgramReadiness {
  items: ItemReadiness[];
  epics: EpicReadiness[];
  /** 1 for each model item (by index) that is a ready open backlog item. */
  readyNodes: Uint8Array;
}

const NO_FACTS: ReadinessFacts = { blockingPrerequisites: [], openImpediments: [] };

/** Open, in-program backlog items (stories, tasks, bugs): what readiness, horizon and rank work on. */
export function isOpenBacklogItem(item: ProgramItem): boolean {
  return item.kind === 'backlog' && !item.done && !item.external;
}

function factsFor(
  node: number,
  graph: DependencyGraph,
  dependencies: readonly OpenDependency[],
  impediments: ReadonlyMap<number, string[]>,
  outside: ReadonlySet<string>,
): ReadinessFacts {
  const first = graph.inStart[node] ?? 0;
  const last = graph.inStart[node + 1] ?? 0;
  const blockedBy = impediments.get(node);
  if (first === last && !blockedBy) return NO_FACTS;
  const blocking: string[] = [];
  for (let i = first; i < last; i++) {
    const dep = dependencies[graph.inEdges[i] ?? 0];
    if (!dep) continue;
    // An item outside the program's projects is read without its sprint: say where it is, not "no sprint".
    if (outside.has(dep.from)) blocking.push(`${dep.from} is not in this program`);
    else if (dep.fromSprint === undefined) blocking.push(`${dep.from} is not in a sprint`);
    else if (dep.status === 'conflict')
      // The sprint follows the key, so a view that hides the key hides its sprint with it.
      blocking.push(`${dep.from} (${dep.fromSprint}) ends after this item's sprint`);
  }
  return { blockingPrerequisites: blocking.sort(), openImpediments: blockedBy ?? [] };
}

/** Open impediments linked as blockers, and the item's own Flagged "Impediment" (a team-level impediment). */
function openImpedimentsByNode(model: ProgramModel, flaggedOpen: readonly number[]): Map<number, string[]> {
  const byNode = new Map<number, string[]>();
  for (const node of flaggedOpen) byNode.set(node, [`${model.items[node]?.key ?? ''} (flagged)`]);
  for (const link of model.impedimentLinks) {
    const blocker = model.items[link.from];
    if (blocker?.kind !== 'impediment' || blocker.done) continue;
    const list = byNode.get(link.to) ?? [];
    list.push(blocker.key);
    byNode.set(link.to, list.sort());
  }
  return byNode;
}

/** The Definition-of-Ready rules an epic is checked against itself (its children carry the others). */
export const EPIC_OWN_RULES = ['description', 'team'] as const;

function epicReadiness(
  model: ProgramModel,
  openEpics: readonly number[],
  items: readonly ItemReadiness[],
  config: ProgramConfig,
): EpicReadiness[] {
  const byEpic = new Map<string, ItemReadiness[]>();
  for (let i = 0; i < items.length; i++) {
    const r = items[i];
    if (r?.epicKey === undefined) continue;
    const list = byEpic.get(r.epicKey);
    if (list) list.push(r);
    else byEpic.set(r.epicKey, [r]);
  }
  const ownRules = readinessEvaluator(config, EPIC_OWN_RULES);
  const epics: EpicReadiness[] = [];
  for (let e = 0; e < openEpics.length; e++) {
    const epic = model.items[openEpics[e] ?? -1];
    if (epic === undefined) continue;
    const children = byEpic.get(epic.key) ?? [];
    const own = ownRules.evaluate(epic, NO_FACTS);
    const openPoints = children.reduce((s, c) => s + (c.points ?? 0), 0);
    const readyPoints = children.reduce((s, c) => s + (c.ready ? (c.points ?? 0) : 0), 0);
    epics.push({
      key: epic.key,
      team: epic.team,
      openChildren: children.length,
      readyChildren: children.filter((c) => c.ready).length,
      openPoints,
      readyPoints,
      readyShare: openPoints === 0 ? null : Math.round((readyPoints / openPoints) * 1000) / 1000,
      ready: own.ready && children.every((c) => c.ready),
      rules: own.rules,
    });
  }
  return epics;
}

export function programReadiness(
  model: ProgramModel,
  groups: ItemGroups,
  graph: DependencyGraph,
  dependencies: readonly OpenDependency[],
  config: ProgramConfig,
): ProgramReadiness {
  const impediments = openImpedimentsByNode(model, groups.flaggedOpen);
  const outside = new Set(groups.external.map((node) => model.items[node]?.key ?? ''));
  const evaluator = readinessEvaluator(config);
  const readyNodes = new Uint8Array(model.items.length);
  const items: ItemReadiness[] = [];
  for (let b = 0; b < groups.openBacklog.length; b++) {
    const node = groups.openBacklog[b] ?? 0;
    const item = model.items[node];
    if (item === undefined) continue;
    const result = evaluator.evaluate(item, factsFor(node, graph, dependencies, impediments, outside));
    if (result.ready) readyNodes[node] = 1;
    items.push(result);
  }
  return { items, epics: epicReadiness(model, groups.openEpics, items, config), readyNodes };
}
