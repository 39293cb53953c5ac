/**
 * What the forecast simulates (docs/DOMAIN.md "Forecast", rules 2 and 5): the open backlog items of the program,
 * the prerequisites each waits for. An epic completes when its last open child completes, so a link
 * from an epic stands for its open children (a sub-task's, for its parent). Prerequisites outside the
 * program are unknown work: their dependants cannot be forecast, and say so.
 */
import type { DependencyGraph } from '../graph/dependency-graph';
import type { ProgramItem, ProgramModel } from '../model/program-model';

export interface ForecastWork {
  /** Model item index of each open backlog item (the work list). */
  items: number[];
  /** Work-list index of each model item, -1 when it is not open backlog work. */
  workOf: Int32Array;
  /** Prerequisites of work item w, as work-list indexes (deduplicated): `preWork[preStart[w] .. preStart[w + 1])`. */
  preStart: Int32Array;
  preWork: Int32Array;
  /** Why a work item cannot be forecast before cycles and teams are looked at, e.g. an outside prerequisite. */
  blockedBy: Array<string | undefined>;
  /** Open children (work-list indexes) of each open epic, by the epic's model index. */
  children: Map<number, number[]>;
}

/**
 * The work a prerequisite stands for, given to `add`: itself, an epic's open children, a sub-task's
 * parent. Returns why it blocks instead, when it is outside the program.
 */
function prerequisiteWork(
  model: ProgramModel,
  p: number,
  workOf: Int32Array,
  children: ReadonlyMap<number, number[]>,
  add: (w: number) => void,
): string | undefined {
  const item: ProgramItem | undefined = model.items[p];
  if (!item || item.done) return undefined;
  if (item.external) return `waits for ${item.key}, outside the program`;
  const w = workOf[p] ?? -1;
  if (w >= 0) add(w);
  else if (item.kind === 'epic') for (const child of children.get(p) ?? []) add(child);
  else if (item.kind === 'subtask' && item.parentKey !== undefined) {
    const parent = workOf[model.indexOf.get(item.parentKey) ?? -1] ?? -1;
    if (parent >= 0) add(parent);
  }
  return undefined;
}

export function forecastWork(model: ProgramModel, graph: DependencyGraph): ForecastWork {
  // One pass over the model's 100k items: open backlog items (isOpenBacklogItem's test) are the work,
  // open epics get their child list; later passes read work items only.
  const items: number[] = [];
  const workOf = new Int32Array(model.items.length).fill(-1);
  const children = new Map<number, number[]>();
  for (let i = 0; i < model.items.length; i++) {
    const item = model.items[i];
    if (!item || item.done || item.external) continue;
    if (item.kind === 'backlog') {
      workOf[i] = items.length;
      items.push(i);
    } else if (item.kind === 'epic') children.set(i, []);
  }
  // Model index of each work item's epic (-1 without one): looked up by key once per item.
  const epicOf = new Int32Array(items.length).fill(-1);
  for (let w = 0; w < items.length; w++) {
    const epicKey = model.items[items[w] ?? -1]?.epicKey;
    if (epicKey === undefined) continue;
    const epic = model.indexOf.get(epicKey) ?? -1;
    epicOf[w] = epic;
    if (epic >= 0) children.get(epic)?.push(w);
  }
  // One flat list with a start per item, not an array per item (57k at 100k issues).
  const preStart = new Int32Array(items.length + 1);
  const preWork: number[] = [];
  const blockedBy: Array<string | undefined> = [];
  const { inStart, inEdges, edgeFrom } = graph;
  // Duplicates are found by a stamp per work item (w + 1 when item w has it already), not a Set per item.
  const stamp = new Int32Array(items.length);
  let w = 0;
  const add = (p: number) => {
    if (stamp[p] === w + 1) return;
    stamp[p] = w + 1;
    preWork.push(p);
  };
  for (; w < items.length; w++) {
    const node = items[w] ?? 0;
    const epicNode = epicOf[w] ?? -1;
    let blocked: string | undefined;
    for (let e = inStart[node] ?? 0; e < (inStart[node + 1] ?? 0); e++) {
      const from = edgeFrom[inEdges[e] ?? 0] ?? 0;
      // The item's own epic finishes with its children: it is no work the item can wait for.
      if (from === epicNode) continue;
      // Work after an outside prerequisite still counts: cycles and dependants are found through it.
      const outside = prerequisiteWork(model, from, workOf, children, add);
      blocked ??= outside;
    }
    preStart[w + 1] = preWork.length;
    blockedBy.push(blocked);
  }
  return { items, workOf, preStart, preWork: Int32Array.from(preWork), blockedBy, children };
}
