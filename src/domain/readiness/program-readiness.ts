/**
 * Readiness of every open backlog item of the program, and epic readiness (DOMAIN.md): ready points /
 * open points of the epic's open children, plus the epic's own rules (description, team).
 */
import type { ProgramConfig } from '../config/program-config';
import type { ProgramModel } from '../model/program-model';
import type { DependencyGraph } from '../graph/dependency-graph';
import type { OpenDependency } from '../graph/open-dependencies';
import {
  evaluateReadiness,
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

/** Open, in-program backlog items (stories, tasks, bugs): what readiness, horizon and rank work on. */
export function isOpenBacklogItem(item: ProgramModel['items'][number]): boolean {
  return item.kind === 'backlog' && !item.done && !item.external;
}

function factsFor(
  node: number,
  model: ProgramModel,
  graph: DependencyGraph,
  dependencies: readonly OpenDependency[],
  impediments: ReadonlyMap<number, string[]>,
): ReadinessFacts {
  const blocking: string[] = [];
  for (let i = graph.inStart[node] ?? 0; i < (graph.inStart[node + 1] ?? 0); i++) {
    const dep = dependencies[graph.inEdges[i] ?? 0];
    if (!dep) continue;
    if (dep.fromSprint === undefined) blocking.push(`${dep.from} is not in a sprint`);
    else if (dep.status === 'conflict')
      blocking.push(`${dep.from} ends after this item's sprint (${dep.fromSprint})`);
  }
  return { blockingPrerequisites: blocking.sort(), openImpediments: impediments.get(node) ?? [] };
}

export function programReadiness(
  model: ProgramModel,
  graph: DependencyGraph,
  dependencies: readonly OpenDependency[],
  config: ProgramConfig,
): { items: ItemReadiness[]; epics: EpicReadiness[] } {
  const impediments = new Map<number, string[]>();
  for (const link of model.impedimentLinks) {
    const blocker = model.items[link.from];
    if (blocker?.kind !== 'impediment' || blocker.done) continue;
    const list = impediments.get(link.to) ?? [];
    list.push(blocker.key);
    impediments.set(link.to, list.sort());
  }
  const items: ItemReadiness[] = [];
  model.items.forEach((item, node) => {
    if (isOpenBacklogItem(item))
      items.push(evaluateReadiness(item, factsFor(node, model, graph, dependencies, impediments), config));
  });
  const byEpic = new Map<string, ItemReadiness[]>();
  for (const r of items) {
    if (r.epicKey === undefined) continue;
    const list = byEpic.get(r.epicKey);
    if (list) list.push(r);
    else byEpic.set(r.epicKey, [r]);
  }
  const epics: EpicReadiness[] = [];
  for (const epic of model.items) {
    if (epic.kind !== 'epic' || epic.done || epic.external) continue;
    const children = byEpic.get(epic.key) ?? [];
    const own = evaluateReadiness(epic, { blockingPrerequisites: [], openImpediments: [] }, config, [
      'description',
      'team',
    ]);
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
  return { items, epics };
}
