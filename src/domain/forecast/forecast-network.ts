/**
 * The forecast's network: which open items can be forecast (and why not), each team's work queue in
 * order, and the prerequisite arrays the trials walk, as typed arrays (no per-item objects in the
 * trials). Queue order (docs/DOMAIN.md "Forecast", rule 2): the active sprint's items first, then items of
 * epics in MetaScrum order, by Jira rank within an epic, then items without a ranked epic, by rank.
 */
import { graphFromEdges } from '../graph/dependency-graph';
import { stronglyConnectedComponents } from '../graph/find-cycles';
import type { ProgramItem, ProgramModel } from '../model/program-model';
import { compareByRank, compareIssueKeys } from '../priority/metascrum-order';
import type { ForecastWork } from './forecast-work';
import type { TeamCalendar } from './team-calendar';

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
  const sorted = values.sort((a, b) => a - b);
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

/** A reason names a few keys of a long cycle, so 100k entries do not each carry thousands. */
const CYCLE_KEYS_SHOWN = 6;

function cycleReasons(work: ForecastWork, model: ProgramModel, reasons: Array<string | undefined>): void {
  const edges: Array<[number, number]> = [];
  work.prerequisites.forEach((pres, w) => pres.forEach((p) => edges.push([p, w])));
  const graph = graphFromEdges(work.items.length, edges);
  const { componentOf, count } = stronglyConnectedComponents(graph);
  // Nearly every component is one item without a self-loop: list the members of the others only.
  const size = new Int32Array(count);
  for (const c of componentOf) size[c] = (size[c] ?? 0) + 1;
  const members = new Map<number, number[]>();
  componentOf.forEach((c, w) => {
    if ((size[c] ?? 0) < 2 && !(work.prerequisites[w] ?? []).includes(w)) return;
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

/** Everything that waits, transitively, for an unforecastable item cannot be forecast either. */
function propagate(work: ForecastWork, model: ProgramModel, reasons: Array<string | undefined>): void {
  const dependants: number[][] = work.items.map(() => []);
  work.prerequisites.forEach((pres, w) => pres.forEach((p) => dependants[p]?.push(w)));
  const queue: number[] = [];
  reasons.forEach((r, w) => {
    if (r !== undefined) queue.push(w);
  });
  for (let head = 0; head < queue.length; head++) {
    const w = queue[head] ?? 0;
    const key = model.items[work.items[w] ?? -1]?.key ?? '';
    const reason = reasons[w] ?? '';
    const root = reason.startsWith('waits for ') ? reason : `waits for ${key} (${reason})`;
    for (const d of dependants[w] ?? []) {
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
  cycleReasons(work, model, reasons);
  propagate(work, model, reasons);

  // Nodes are numbered team by team in queue order: a team's queue is the node range
  // [teamStart[t], teamStart[t + 1]), and the trials touch memory in the order they work.
  const queues = workQueues(model, work, reasons, calendarOf, epicOrder);
  const teamStart = new Int32Array(calendars.length + 1);
  queues.forEach((queue, t) => (teamStart[t + 1] = (teamStart[t] ?? 0) + queue.length));
  const workOfNode = Int32Array.from(queues.flat());
  const n = workOfNode.length;
  const nodeOf = new Int32Array(work.items.length).fill(-1);
  workOfNode.forEach((w, v) => (nodeOf[w] = v));
  const medians = medianSizes ?? medianItemSizes(model);
  const teamOf = new Int32Array(n);
  const points = new Float64Array(n);
  const unestimated = new Uint8Array(n);
  for (let t = 0; t < calendars.length; t++) {
    for (let v = teamStart[t] ?? 0; v < (teamStart[t + 1] ?? 0); v++) {
      const item = model.items[work.items[workOfNode[v] ?? -1] ?? -1];
      teamOf[v] = t;
      unestimated[v] = item?.points === undefined ? 1 : 0;
      points[v] = Math.max(0, item?.points ?? medians.get(item?.team ?? '') ?? 1);
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

/** Per calendar, its forecastable work items in work order. */
function workQueues(
  model: ProgramModel,
  work: ForecastWork,
  reasons: ReadonlyArray<string | undefined>,
  calendarOf: ReadonlyMap<string, number>,
  epicOrder: readonly string[],
): number[][] {
  const active = new Set<number>();
  for (const sprint of model.sprints.values()) if (sprint.state === 'active') active.add(sprint.id);
  const epicPosition = new Map(epicOrder.map((key, i) => [key, i]));
  const lists: Array<Array<{ w: number; item: ProgramItem; slot: number }>> = Array.from(
    { length: calendarOf.size },
    () => [],
  );
  work.items.forEach((node, w) => {
    const item = model.items[node];
    if (reasons[w] !== undefined || !item) return;
    const slot = item.sprintIds.some((id) => active.has(id))
      ? -1
      : (epicPosition.get(item.epicKey ?? '') ?? epicOrder.length);
    lists[calendarOf.get(item.team ?? '') ?? -1]?.push({ w, item, slot });
  });
  return lists.map((list) =>
    list
      .sort((a, b) => (a.slot !== b.slot ? a.slot - b.slot : compareByRank(a.item, b.item)))
      .map((k) => k.w),
  );
}

function prerequisiteArrays(work: ForecastWork, nodeOf: Int32Array, workOfNode: Int32Array) {
  const n = workOfNode.length;
  const preStart = new Int32Array(n + 1);
  const pre: number[] = [];
  const depCount = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) {
    for (const p of work.prerequisites[workOfNode[v] ?? -1] ?? []) {
      const u = nodeOf[p] ?? -1;
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
