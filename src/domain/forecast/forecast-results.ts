/**
 * Trial tallies -> the per-item and per-epic forecast entries: nearest-rank P50 / P85 / P95 of the
 * completion sprint and its end date, the share of trials on or before the due date, and the
 * prerequisites that delayed it in most trials (docs/DOMAIN.md "Forecast", rule 6).
 */
import type { ProgramItem } from '../model/program-model';
import { PERCENTILES, dueCutoffMs, utcDay, type ForecastEntry } from './forecast-entry';
import type { ForecastNetwork } from './forecast-network';
import type { NodeQuantiles } from './node-quantiles';
import type { TrialTallies } from './run-trials';
import type { TeamCalendar } from './team-calendar';
import { timeQuantiles } from './time-quantiles';

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function unforecastableEntry(item: ProgramItem, reason: string, unestimated: number): ForecastEntry {
  return {
    key: item.key,
    team: item.team ?? null,
    p50Sprint: null,
    p85Sprint: null,
    p95Sprint: null,
    p50Date: null,
    p85Date: null,
    p95Date: null,
    dueDate: item.dueDate ?? null,
    pOnTime: null,
    drivenBy: [],
    unforecastable: reason,
    unestimatedItems: unestimated,
  };
}

/** Keys of the prerequisites counted in more than half of the trials, most often first. */
function mostTrials(counts: Iterable<[string, number]>, trials: number): string[] {
  return [...counts]
    .filter(([, count]) => count * 2 > trials)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([key]) => key);
}

/** What the item entries read for every node: its quantiles, and each calendar's sprint end days. */
export interface NodeResults {
  quantiles: NodeQuantiles;
  /** `YYYY-MM-DD` end of calendar t's sprint k (formatted once per sprint, not per item), or null. */
  endDay: (t: number, k: number) => string | null;
  keyOfNode: (v: number) => string;
}

export function itemEntry(
  item: ProgramItem,
  v: number,
  net: ForecastNetwork,
  tallies: TrialTallies,
  results: NodeResults,
): ForecastEntry {
  const { trials } = tallies;
  const { quantiles, endDay, keyOfNode } = results;
  const t = net.teamOf[v] ?? 0;
  const at = v * PERCENTILES.length;
  const p50 = quantiles.sprints[at] ?? -1;
  const p85 = quantiles.sprints[at + 1] ?? -1;
  const p95 = quantiles.sprints[at + 2] ?? -1;
  const dated = net.calendars[t] !== undefined;
  const pOnTime = item.dueDate !== undefined && dated ? round3((quantiles.onTime[v] ?? 0) / trials) : null;
  let delays: Array<[string, number]> | undefined;
  for (let s = net.preStart[v] ?? 0; s < (net.preStart[v + 1] ?? 0); s++) {
    const count = tallies.delayCounts[s] ?? 0;
    // mostTrials keeps only these: naming the others would be wasted work.
    if (count * 2 > trials) (delays ??= []).push([keyOfNode(net.preNodes[s] ?? 0), count]);
  }
  return {
    key: item.key,
    team: item.team ?? null,
    p50Sprint: p50 < 0 ? null : p50 + 1,
    p85Sprint: p85 < 0 ? null : p85 + 1,
    p95Sprint: p95 < 0 ? null : p95 + 1,
    p50Date: p50 < 0 ? null : endDay(t, p50),
    p85Date: p85 < 0 ? null : endDay(t, p85),
    p95Date: p95 < 0 ? null : endDay(t, p95),
    dueDate: item.dueDate ?? null,
    pOnTime,
    drivenBy: delays ? mostTrials(delays, trials) : [],
    unforecastable: null,
    unestimatedItems: net.unestimated[v] ?? 0,
  };
}

/** The epic team's sprint (1-based) that an instant falls in: the first ending at or after it. */
function sprintAt(calendar: TeamCalendar | undefined, ms: number): number | null {
  if (!calendar || calendar.unforecastable !== undefined) return null;
  for (let k = 0; k < calendar.ends.length; k++) if ((calendar.ends[k] ?? 0) >= ms) return k + 1;
  return null;
}

export function epicEntry(
  epic: ProgramItem,
  e: number,
  tallies: TrialTallies,
  context: { calendar: TeamCalendar | undefined; unestimated: number; keyOfNode: (v: number) => string },
): ForecastEntry {
  const { trials } = tallies;
  const cutoff = epic.dueDate === undefined ? -Infinity : dueCutoffMs(epic.dueDate);
  const { at, below } = timeQuantiles(tallies.epicTimes.subarray(e * trials, (e + 1) * trials), cutoff);
  const sprint = (ms: number) => (Number.isFinite(ms) ? sprintAt(context.calendar, ms) : null);
  const date = (ms: number) => (Number.isFinite(ms) ? utcDay(ms) : null);
  const pOnTime = epic.dueDate === undefined ? null : round3(below / trials);
  const delays = tallies.epicDelays[e] ?? new Map<number, number>();
  const [p50 = Infinity, p85 = Infinity, p95 = Infinity] = at;
  return {
    key: epic.key,
    team: epic.team ?? null,
    p50Sprint: sprint(p50),
    p85Sprint: sprint(p85),
    p95Sprint: sprint(p95),
    p50Date: date(p50),
    p85Date: date(p85),
    p95Date: date(p95),
    dueDate: epic.dueDate ?? null,
    pOnTime,
    drivenBy: mostTrials(
      [...delays].map(([node, count]): [string, number] => [context.keyOfNode(node), count]),
      trials,
    ),
    unforecastable: null,
    unestimatedItems: context.unestimated,
  };
}
