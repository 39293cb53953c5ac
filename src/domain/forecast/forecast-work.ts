/**
 * What the forecast simulates (docs/DOMAIN.md "Forecast", rules 2 and 5): the open backlog items of the program,
 * the prerequisites each waits for. An epic completes when its last open child completes, so a link
 * from an epic stands for its open children (a sub-task's, for its parent). Prerequisites outside the
 * program are unknown work: their dependants cannot be forecast, and say so.
 */
import type { DependencyGraph } from '../graph/dependency-graph';
import type { ProgramItem, ProgramModel } from '../model/program-model';
import { isOpenBacklogItem } from '../readiness/program-readiness';

export interface ForecastWork {
  /** Model item index of each open backlog item (the work list). */
  items: number[];
  /** Work-list index of each model item, -1 when it is not open backlog work. */
  workOf: Int32Array;
  /** Prerequisites of each work item, as work-list indexes (deduplicated). */
  prerequisites: number[][];
  /** Why a work item cannot be forecast before cycles and teams are looked at, e.g. an outside prerequisite. */
  blockedBy: Array<string | undefined>;
  /** Open children (work-list indexes) of each open epic, by the epic's model index. */
  children: Map<number, number[]>;
}

function openChildren(model: ProgramModel, workOf: Int32Array): Map<number, number[]> {
  const children = new Map<number, number[]>();
  model.items.forEach((item, i) => {
    if (item.kind === 'epic' && !item.done && !item.external) children.set(i, []);
  });
  for (let i = 0; i < model.items.length; i++) {
    const item = model.items[i];
    const w = workOf[i] ?? -1;
    if (!item || w < 0 || item.epicKey === undefined) continue;
    const epic = model.indexOf.get(item.epicKey);
    if (epic !== undefined) children.get(epic)?.push(w);
  }
  return children;
}

/** The work a prerequisite stands for: itself, an epic's open children, a sub-task's parent. */
function prerequisiteWork(
  model: ProgramModel,
  p: number,
  workOf: Int32Array,
  children: ReadonlyMap<number, number[]>,
): number[] | string {
  const item: ProgramItem | undefined = model.items[p];
  if (!item || item.done) return [];
  if (item.external) return `waits for ${item.key}, outside the program`;
  const w = workOf[p] ?? -1;
  if (w >= 0) return [w];
  if (item.kind === 'epic') return children.get(p) ?? [];
  if (item.kind === 'subtask' && item.parentKey !== undefined) {
    const parent = workOf[model.indexOf.get(item.parentKey) ?? -1] ?? -1;
    return parent >= 0 ? [parent] : [];
  }
  return [];
}

export function forecastWork(model: ProgramModel, graph: DependencyGraph): ForecastWork {
  const items: number[] = [];
  const workOf = new Int32Array(model.items.length).fill(-1);
  model.items.forEach((item, i) => {
    if (!isOpenBacklogItem(item)) return;
    workOf[i] = items.length;
    items.push(i);
  });
  const children = openChildren(model, workOf);
  const prerequisites: number[][] = [];
  const blockedBy: Array<string | undefined> = [];
  const { inStart, inEdges, edgeFrom } = graph;
  for (let w = 0; w < items.length; w++) {
    const node = items[w] ?? 0;
    const epicNode = model.indexOf.get(model.items[node]?.epicKey ?? '');
    const needs = new Set<number>();
    let blocked: string | undefined;
    for (let e = inStart[node] ?? 0; e < (inStart[node + 1] ?? 0); e++) {
      const from = edgeFrom[inEdges[e] ?? 0] ?? 0;
      // The item's own epic finishes with its children: it is no work the item can wait for.
      if (from === epicNode) continue;
      const work = prerequisiteWork(model, from, workOf, children);
      if (typeof work === 'string') blocked ??= work;
      else for (const p of work) needs.add(p);
    }
    prerequisites.push([...needs]);
    blockedBy.push(blocked);
  }
  return { items, workOf, prerequisites, blockedBy, children };
}
