/**
 * The forecast's network: which open items can be forecast (and why not), each team's work queue in
 * order (work-queues.ts), and the prerequisite arrays the trials walk, as typed arrays (no per-item
 * objects in the trials).
 */
import { graphFromEdgeArrays, type DependencyGraph } from '../graph/dependency-graph';
import { stronglyConnectedComponents } from '../graph/find-cycles';
import type { ProgramItem, ProgramModel } from '../model/program-model';
import { compareIssueKeys } from '../priority/metascrum-order';
import type { ForecastWork } from './forecast-work';
import type { TeamCalendar } from './team-calendar';
import { workQueues } from './work-queues';

export interface ForecastNetwork {
  /** Per work item: why it cannot be forecast, or undefined. */
  unforecastable: Array<string | undefined>;
  /** Per work item: its simulation node, or -1. */
  nodeOf: Int32Array;
  /** Per node: its work item, calendar index and points. */
  workOfNode: Int32Array;
  teamOf: Int32Array;
  points: Float64Array;
  /** Calendar t's queue, in work order, is the node range `[teamStart[t], teamStart[t + 1])`. */
  teamStart: Int32Array;
  /** Per node: the estimate was missing and the team's median item size stands in. */
  unestimated: Uint8Array;
  /** Prerequisite nodes of node v: `preNodes[preStart[v] .. preStart[v + 1])`. */
  preStart: Int32Array;
  preNodes: Int32Array;
  /** Dependants of node v, with the prerequisite slot (index into preNodes) each edge is. */
  depStart: Int32Array;
  depNodes: Int32Array;
  depSlots: Int32Array;
  calendars: TeamCalendar[];
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  // A typed array sorts numbers natively, without a comparator call per comparison.
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Median estimate of each team's backlog items, done or open (1 point when none is estimated). */
export function medianItemSizes(model: ProgramModel): Map<string, number> {
  const byTeam = new Map<string, number[]>();
  for (const item of model.items) {
    if (item.kind !== 'backlog' || item.external || item.team === undefined || item.points === undefined)
      continue;
    const list = byTeam.get(item.team);
    if (list) list.push(item.points);
    else byTeam.set(item.team, [item.points]);
  }
  return new Map([...byTeam].map(([team, points]) => [team, median(points) ?? 1]));
}

/** The median estimate of each team's backlog items (as medianItemSizes), from lists grouped already. */
export function backlogMedians(backlogs: ReadonlyMap<string, readonly ProgramItem[]>): Map<string, number> {
  const medians = new Map<string, number>();
  for (const [team, items] of backlogs) {
    const points: number[] = [];
    for (const item of items) if (item.points !== undefined) points.push(item.points);
    medians.set(team, median(points) ?? 1);
  }
  return medians;
}

/** A reason names a few keys of a long cycle, so 100k entries do not each carry thousands. */
const CYCLE_KEYS_SHOWN = 6;

function needsItself(work: ForecastWork, w: number): boolean {
  for (let s = work.preStart[w] ?? 0; s < (work.preStart[w + 1] ?? 0); s++)
    if (work.preWork[s] === w) return true;
  return false;
}

function cycleReasons(
  work: ForecastWork,
  graph: DependencyGraph,
  model: ProgramModel,
  reasons: Array<string | undefined>,
): void {
  const { componentOf, count } = stronglyConnectedComponents(graph);
  // Nearly every component is one item without a self-loop: list the members of the others only.
  const size = new Int32Array(count);
  for (const c of componentOf) size[c] = (size[c] ?? 0) + 1;
  const members = new Map<number, number[]>();
  componentOf.forEach((c, w) => {
    if ((size[c] ?? 0) < 2 && !needsItself(work, w)) return;
    const group = members.get(c);
    if (group) group.push(w);
    else members.set(c, [w]);
  });
  const keyOf = (w: number) => model.items[work.items[w] ?? -1]?.key ?? '';
  for (const group of members.values()) {
    const keys = group.map(keyOf).sort(compareIssueKeys);
    const named =
      keys.length <= CYCLE_KEYS_SHOWN
        ? keys.join(', ')
        : `${keys.slice(0, CYCLE_KEYS_SHOWN).join(', ')} and ${keys.length - CYCLE_KEYS_SHOWN} more`;
    for (const w of group) reasons[w] ??= `in a dependency cycle: ${named}`;
  }
}

/** The graph of the work items' prerequisites (an edge p -> w: w needs p), edges in work order. */
function prerequisiteGraph(work: ForecastWork): DependencyGraph {
  const { preStart, preWork } = work;
  const to = new Int32Array(preWork.length);
  for (let w = 0; w < work.items.length; w++) to.fill(w, preStart[w] ?? 0, preStart[w + 1] ?? 0);
  return graphFromEdgeArrays(work.items.length, preWork, to);
}

/** Everything that waits, transitively, for an unforecastable item cannot be forecast either. */
function propagate(
  work: ForecastWork,
  graph: DependencyGraph,
  model: ProgramModel,
  reasons: Array<string | undefined>,
): void {
  const { outStart, outEdges, edgeTo } = graph;
  const queue: number[] = [];
  reasons.forEach((r, w) => {
    if (r !== undefined) queue.push(w);
  });
  for (let head = 0; head < queue.length; head++) {
    const w = queue[head] ?? 0;
    const first = outStart[w] ?? 0;
    const end = outStart[w + 1] ?? 0;
    if (first === end) continue;
    const key = model.items[work.items[w] ?? -1]?.key ?? '';
    const reason = reasons[w] ?? '';
    const root = reason.startsWith('waits for ') ? reason : `waits for ${key} (${reason})`;
    for (let e = first; e < end; e++) {
      const d = edgeTo[outEdges[e] ?? 0] ?? 0;
      if (reasons[d] !== undefined) continue;
      reasons[d] = root;
      queue.push(d);
    }
  }
}

export function forecastNetwork(
  model: ProgramModel,
  work: ForecastWork,
  calendars: readonly TeamCalendar[],
  epicOrder: readonly string[],
  /** Each team's median item size, when the caller has it already (a forecast basis keeps it). */
  medianSizes?: ReadonlyMap<string, number>,
): ForecastNetwork {
  const calendarOf = new Map(calendars.map((c, i) => [c.team, i]));
  const reasons: Array<string | undefined> = work.items.map((node, w) => {
    const team = model.items[node]?.team;
    if (team === undefined) return 'has no team';
    return calendars[calendarOf.get(team) ?? -1]?.unforecastable ?? work.blockedBy[w];
  });
  const graph = prerequisiteGraph(work);
  cycleReasons(work, graph, model, reasons);
  propagate(work, graph, model, reasons);

  // Nodes are numbered team by team in queue order: a team's queue is the node range
  // [teamStart[t], teamStart[t + 1]), and the trials touch memory in the order they work.
  const { teamStart, workOfNode } = workQueues(model, work, reasons, calendarOf, epicOrder);
  const n = workOfNode.length;
  const nodeOf = new Int32Array(work.items.length).fill(-1);
  for (let v = 0; v < n; v++) nodeOf[workOfNode[v] ?? 0] = v;
  const medians = medianSizes ?? medianItemSizes(model);
  const teamOf = new Int32Array(n);
  const points = new Float64Array(n);
  const unestimated = new Uint8Array(n);
  for (let t = 0; t < calendars.length; t++) {
    // A queue holds the items of its calendar's team only.
    const median = medians.get(calendars[t]?.team ?? '') ?? 1;
    for (let v = teamStart[t] ?? 0; v < (teamStart[t + 1] ?? 0); v++) {
      const estimate = model.items[work.items[workOfNode[v] ?? -1] ?? -1]?.points;
      teamOf[v] = t;
      unestimated[v] = estimate === undefined ? 1 : 0;
      points[v] = Math.max(0, estimate ?? median);
    }
  }
  return {
    unforecastable: reasons,
    nodeOf,
    workOfNode,
    teamOf,
    teamStart,
    points,
    unestimated,
    ...prerequisiteArrays(work, nodeOf, workOfNode),
    calendars: [...calendars],
  };
}

function prerequisiteArrays(work: ForecastWork, nodeOf: Int32Array, workOfNode: Int32Array) {
  const n = workOfNode.length;
  const preStart = new Int32Array(n + 1);
  const pre: number[] = [];
  const depCount = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) {
    const w = workOfNode[v] ?? -1;
    for (let s = work.preStart[w] ?? 0; s < (work.preStart[w + 1] ?? 0); s++) {
      const u = nodeOf[work.preWork[s] ?? -1] ?? -1;
      if (u < 0) continue;
      pre.push(u);
      depCount[u + 1] = (depCount[u + 1] ?? 0) + 1;
    }
    preStart[v + 1] = pre.length;
  }
  const preNodes = Int32Array.from(pre);
  for (let u = 0; u < n; u++) depCount[u + 1] = (depCount[u + 1] ?? 0) + (depCount[u] ?? 0);
  const depStart = depCount.slice();
  const fill = depCount.slice(0, n);
  const depNodes = new Int32Array(pre.length);
  const depSlots = new Int32Array(pre.length);
  for (let v = 0; v < n; v++) {
    for (let s = preStart[v] ?? 0; s < (preStart[v + 1] ?? 0); s++) {
      const u = preNodes[s] ?? 0;
      const at = fill[u] ?? 0;
      depNodes[at] = v;
      depSlots[at] = s;
      fill[u] = at + 1;
    }
  }
  return { preStart, preNodes, depStart, depNodes, depSlots };
}
