/**
 * The forecast's entry point (docs/DOMAIN.md "Forecast"): where each open item and epic is going, with
 * probabilities, through every team's velocity spread and the cross-team prerequisites it waits for.
 * Pure: `now` and the seed are parameters, so the same program, order, seed and now give the same
 * forecast.
 */
import type { ProgramConfig } from '../config/program-config';
import { buildDependencyGraph, type DependencyGraph } from '../graph/dependency-graph';
import type { ProgramItem, ProgramModel } from '../model/program-model';
import { compareIssueKeys } from '../priority/metascrum-order';
import { issueKeyOrder } from '../priority/sort-by-issue-key';
import {
  DAY_MS,
  dueCutoffMs,
  utcDay,
  type ForecastEntry,
  type ProgramForecast,
  type TeamForecastBasis,
} from './forecast-entry';
import { backlogMedians, forecastNetwork, type ForecastNetwork } from './forecast-network';
import { epicEntry, itemEntry, unforecastableEntry } from './forecast-results';
import { forecastWork, type ForecastWork } from './forecast-work';
import { nodeQuantiles } from './node-quantiles';
import { runTrials } from './run-trials';
import { teamCalendar, type TeamCalendar } from './team-calendar';

export interface ForecastOptions {
  nowMs: number;
  /** The MetaScrum order of open epics (the analysis's `priority.order`). */
  epicOrder: readonly string[];
  settings: ProgramConfig['forecast'];
  /** The open dependency graph, when the caller has it already. */
  graph?: DependencyGraph | undefined;
  /**
   * What the forecast reads from items it does not forecast (done ones): each team's calendar and median
   * item size. Given with a forecast basis (forecast-basis.ts), whose model keeps only open work.
   */
  basis?: { calendars: readonly TeamCalendar[]; medianSizes: ReadonlyMap<string, number> } | undefined;
}

/** Each team's backlog items, done or open: what its velocity, cadence and median item size come from. */
function teamBacklogs(model: ProgramModel): Map<string, ProgramItem[]> {
  const byTeam = new Map<string, ProgramItem[]>(model.teams.map((t) => [t, []]));
  for (const item of model.items) {
    if (item.kind !== 'backlog' || item.external || item.team === undefined) continue;
    byTeam.get(item.team)?.push(item);
  }
  return byTeam;
}

/** Each team's calendar (docs/DOMAIN.md "Forecast", rules 1 and 3). */
export function teamCalendars(
  model: ProgramModel,
  options: Pick<ForecastOptions, 'nowMs' | 'settings'>,
  backlogs: ReadonlyMap<string, readonly ProgramItem[]> = teamBacklogs(model),
): TeamCalendar[] {
  return model.teams.map((team) =>
    teamCalendar(team, backlogs.get(team) ?? [], model.sprints, {
      sampleSprints: options.settings.sampleSprints,
      maxSprints: options.settings.maxSprints,
      nowMs: options.nowMs,
    }),
  );
}

/** The calendars and median item sizes: from the basis when given, else from one pass over the model. */
function teamsOf(
  model: ProgramModel,
  options: ForecastOptions,
): { calendars: TeamCalendar[]; medianSizes: ReadonlyMap<string, number> } {
  if (options.basis)
    return { calendars: [...options.basis.calendars], medianSizes: options.basis.medianSizes };
  const backlogs = teamBacklogs(model);
  // The median of each calendar's team, as medianItemSizes(model) gives it (only those are read).
  return { calendars: teamCalendars(model, options, backlogs), medianSizes: backlogMedians(backlogs) };
}

function basisOf(calendar: TeamCalendar): TeamForecastBasis {
  return {
    team: calendar.team,
    capacitySamples: calendar.samples,
    cadenceDays: Math.round((calendar.cadenceMs / DAY_MS) * 100) / 100,
    knownSprints: calendar.knownSprints,
    sprint1End: calendar.unforecastable === undefined ? utcDay(calendar.ends[0] ?? 0) : null,
    unforecastable: calendar.unforecastable ?? null,
  };
}

export function forecastProgram(model: ProgramModel, options: ForecastOptions): ProgramForecast {
  const { trials, seed, maxSprints } = options.settings;
  const graph = options.graph ?? buildDependencyGraph(model);
  const work = forecastWork(model, graph);
  const { calendars, medianSizes } = teamsOf(model, options);
  // The trials walk forecastable teams only; unforecastable ones keep their calendar for the basis.
  const net = forecastNetwork(model, work, calendars, options.epicOrder, medianSizes);
  const keyOfNode = (v: number) => model.items[work.items[net.workOfNode[v] ?? -1] ?? -1]?.key ?? '';
  const epicPosition = new Map(options.epicOrder.map((key, i) => [key, i]));
  const epics = [...work.children.keys()].sort((a, b) => {
    const ka = model.items[a]?.key ?? '';
    const kb = model.items[b]?.key ?? '';
    const pa = epicPosition.get(ka) ?? Infinity;
    const pb = epicPosition.get(kb) ?? Infinity;
    return pa !== pb ? pa - pb : compareIssueKeys(ka, kb);
  });
  const epicReasons = epics.map((epic) => epicReason(model, work, net, epic));
  const simulated = epics.flatMap((epic, i) =>
    epicReasons[i] === undefined
      ? [Int32Array.from((work.children.get(epic) ?? []).map((w) => net.nodeOf[w] ?? -1))]
      : [],
  );
  const tallies = runTrials(net, simulated, { trials, seed, maxSprints });
  const results = {
    quantiles: nodeQuantiles(tallies, dueCutoffs(model, work, net)),
    endDay: sprintEndDays(net.calendars),
    keyOfNode,
  };

  // Entries are made in key order: the work items' keys are sorted as numbers, not the entries as strings.
  const items: ForecastEntry[] = [];
  for (const w of issueKeyOrder(work.items.map((node) => model.items[node]?.key ?? ''))) {
    const item = model.items[work.items[w] ?? -1];
    if (!item) continue;
    const v = net.nodeOf[w] ?? -1;
    items.push(
      v < 0
        ? unforecastableEntry(item, net.unforecastable[w] ?? '', item.points === undefined ? 1 : 0)
        : itemEntry(item, v, net, tallies, results),
    );
  }
  const calendarOf = new Map(calendars.map((c) => [c.team, c]));
  let e = 0;
  const epicEntries = epics.flatMap((epic, i) => {
    const item = model.items[epic];
    if (!item) return [];
    const children = work.children.get(epic) ?? [];
    let unestimated = 0;
    for (const w of children) if (model.items[work.items[w] ?? -1]?.points === undefined) unestimated++;
    const reason = epicReasons[i];
    if (reason !== undefined) return [unforecastableEntry(item, reason, unestimated)];
    return [
      epicEntry(item, e++, tallies, {
        calendar: calendarOf.get(item.team ?? ''),
        unestimated,
        keyOfNode,
      }),
    ];
  });
  return { trials, seed, teams: calendars.map(basisOf), items, epics: epicEntries };
}

/** `endDay(t, k)`: the `YYYY-MM-DD` end of calendar t's sprint k, formatted the first time it is asked. */
function sprintEndDays(calendars: readonly TeamCalendar[]): (t: number, k: number) => string | null {
  const days = calendars.map((): Array<string | undefined> => []);
  return (t, k) => {
    const ends = calendars[t]?.ends;
    const row = days[t];
    if (!ends || !row) return null;
    return (row[k] ??= utcDay(k < ends.length ? (ends[k] ?? 0) : 0));
  };
}

/** Per node: how many of its team's first sprints end before its due date's cutoff (0 without one). */
function dueCutoffs(model: ProgramModel, work: ForecastWork, net: ForecastNetwork): Int32Array {
  const cutoffs = new Int32Array(net.points.length);
  const cutoffOf = new Map<string, number>();
  for (let v = 0; v < net.workOfNode.length; v++) {
    const dueDate = model.items[work.items[net.workOfNode[v] ?? -1] ?? -1]?.dueDate;
    const ends = net.calendars[net.teamOf[v] ?? 0]?.ends;
    if (dueDate === undefined || !ends) continue;
    let cutoff = cutoffOf.get(dueDate);
    if (cutoff === undefined) cutoffOf.set(dueDate, (cutoff = dueCutoffMs(dueDate)));
    let k = 0;
    while (k < ends.length && (ends[k] ?? Infinity) < cutoff) k++;
    cutoffs[v] = k;
  }
  return cutoffs;
}

function epicReason(
  model: ProgramModel,
  work: ReturnType<typeof forecastWork>,
  net: ReturnType<typeof forecastNetwork>,
  epic: number,
): string | undefined {
  const children = work.children.get(epic) ?? [];
  if (children.length === 0) return 'has no open child items to forecast';
  const blocked = children
    .filter((w) => (net.nodeOf[w] ?? -1) < 0)
    .map((w) => ({ key: model.items[work.items[w] ?? -1]?.key ?? '', reason: net.unforecastable[w] ?? '' }))
    .sort((a, b) => compareIssueKeys(a.key, b.key));
  const first = blocked[0];
  return first ? `child ${first.key} cannot be forecast: ${first.reason}` : undefined;
}
