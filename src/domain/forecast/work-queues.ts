/**
 * Each team's work queue (docs/DOMAIN.md "Forecast", rule 2): the active sprint's items first, then
 * items of epics in MetaScrum order, by Jira rank within an epic, then items without a ranked epic,
 * by rank. Queues come out as one flat array of work items, team after team, which is how the trials
 * number their nodes; no object per item and no array per team (57k items at 100k issues).
 */
import type { ProgramItem, ProgramModel } from '../model/program-model';
import { compareByRank } from '../priority/metascrum-order';
import type { ForecastWork } from './forecast-work';

export interface WorkQueues {
  /** Calendar t's queue, in work order, is `workOfNode[teamStart[t] .. teamStart[t + 1])`. */
  teamStart: Int32Array;
  workOfNode: Int32Array;
}

function inActiveSprint(item: ProgramItem, active: ReadonlySet<number>): boolean {
  for (const id of item.sprintIds) if (active.has(id)) return true;
  return false;
}

export function workQueues(
  model: ProgramModel,
  work: ForecastWork,
  reasons: ReadonlyArray<string | undefined>,
  calendarOf: ReadonlyMap<string, number>,
  epicOrder: readonly string[],
): WorkQueues {
  const active = new Set<number>();
  for (const sprint of model.sprints.values()) if (sprint.state === 'active') active.add(sprint.id);
  const epicPosition = new Map(epicOrder.map((key, i) => [key, i]));
  const count = work.items.length;
  const itemOf: Array<ProgramItem | undefined> = new Array<ProgramItem | undefined>(count);
  const rankOf: Array<string | undefined> = new Array<string | undefined>(count);
  const slot = new Int32Array(count);
  const queueOf = new Int32Array(count).fill(-1);
  const teamStart = new Int32Array(calendarOf.size + 1);
  for (let w = 0; w < count; w++) {
    const item = model.items[work.items[w] ?? -1];
    if (reasons[w] !== undefined || !item) continue;
    const t = calendarOf.get(item.team ?? '') ?? -1;
    if (t < 0) continue;
    itemOf[w] = item;
    rankOf[w] = item.rank;
    queueOf[w] = t;
    teamStart[t + 1] = (teamStart[t + 1] ?? 0) + 1;
    slot[w] = inActiveSprint(item, active) ? -1 : (epicPosition.get(item.epicKey ?? '') ?? epicOrder.length);
  }
  for (let t = 0; t < calendarOf.size; t++) teamStart[t + 1] = (teamStart[t + 1] ?? 0) + (teamStart[t] ?? 0);
  const fill = teamStart.slice(0, calendarOf.size);
  const workOfNode = new Int32Array(teamStart[calendarOf.size] ?? 0);
  for (let w = 0; w < count; w++) {
    const t = queueOf[w] ?? -1;
    if (t < 0) continue;
    workOfNode[fill[t] ?? 0] = w;
    fill[t] = (fill[t] ?? 0) + 1;
  }
  // Slot, then rank, then key: a total order (keys are distinct), so any sort gives the same queues.
  const inQueueOrder = (a: number, b: number): number => {
    const bySlot = (slot[a] ?? 0) - (slot[b] ?? 0);
    if (bySlot !== 0) return bySlot;
    const ra = rankOf[a];
    const rb = rankOf[b];
    if (ra !== undefined && rb !== undefined && ra !== rb) return ra < rb ? -1 : 1;
    const ia = itemOf[a];
    const ib = itemOf[b];
    return ia && ib ? compareByRank(ia, ib) : 0;
  };
  for (let t = 0; t < calendarOf.size; t++)
    workOfNode.subarray(teamStart[t] ?? 0, teamStart[t + 1] ?? 0).sort(inQueueOrder);
  return { teamStart, workOfNode };
}
