/**
 * The part of a program the forecast reads that no MetaScrum order changes: its open work and what that
 * work waits for, each team's calendar and median item size. A reorder preview forecasts the same basis
 * under two orders, so it keeps this (a few percent of the snapshot at 100k issues) instead of reading
 * and normalising the whole snapshot on every click.
 *
 * `forecastProgram(basis.model, { ...options, basis })` gives exactly `forecastProgram(model, options)`
 * for any order (test/domain/forecast/forecast-basis.test.ts): the reduced model keeps, in their
 * original order, every item and link the forecast looks at; what it reads of done items (velocity,
 * median sizes) is computed here once.
 */
import type { ProgramConfig } from '../config/program-config';
import { buildDependencyGraph, type DependencyGraph } from '../graph/dependency-graph';
import type { DependencyLink, ProgramItem, ProgramModel, ProgramSprint } from '../model/program-model';
import { isOpenBacklogItem } from '../readiness/program-readiness';
import { medianItemSizes } from './forecast-network';
import { teamCalendars } from './forecast-program';
import type { TeamCalendar } from './team-calendar';

export interface ForecastBasis {
  /** The instant the calendars were drawn from ("now" of the forecast it reproduces). */
  nowMs: number;
  /** The settings the calendars were drawn with: a basis is only used under the same ones. */
  sampleSprints: number;
  maxSprints: number;
  model: ProgramModel;
  calendars: TeamCalendar[];
  medianSizes: Map<string, number>;
}

const isOpenEpic = (item: ProgramItem) => item.kind === 'epic' && !item.done && !item.external;

export function forecastBasis(
  model: ProgramModel,
  options: { nowMs: number; settings: ProgramConfig['forecast'] },
  graph: DependencyGraph = buildDependencyGraph(model),
): ForecastBasis {
  const { items } = model;
  const work = new Uint8Array(items.length);
  const keep = new Uint8Array(items.length);
  items.forEach((item, i) => {
    if (isOpenBacklogItem(item)) work[i] = keep[i] = 1;
    else if (isOpenEpic(item)) keep[i] = 1;
  });
  // What open work waits for (an epic stands for its children, a sub-task for its parent, an outside
  // item makes it unforecastable): the sources of its open in-edges.
  const { inStart, inEdges, edgeFrom } = graph;
  for (let node = 0; node < items.length; node++) {
    if (work[node] !== 1) continue;
    for (let e = inStart[node] ?? 0; e < (inStart[node + 1] ?? 0); e++)
      keep[edgeFrom[inEdges[e] ?? 0] ?? 0] = 1;
  }
  const newIndex = new Int32Array(items.length).fill(-1);
  const kept: ProgramItem[] = [];
  items.forEach((item, i) => {
    if (keep[i] !== 1) return;
    newIndex[i] = kept.length;
    kept.push(item);
  });
  // Only links into open work matter, in their original order (it decides which prerequisite binds).
  const links: DependencyLink[] = [];
  for (const link of model.links) {
    const from = newIndex[link.from] ?? -1;
    const to = newIndex[link.to] ?? -1;
    if (from >= 0 && to >= 0 && work[link.to] === 1) links.push({ from, to, linkType: link.linkType });
  }
  const sprints = new Map<number, ProgramSprint>();
  for (const item of kept) {
    for (const id of item.sprintIds) {
      const sprint = model.sprints.get(id);
      if (sprint) sprints.set(id, sprint);
    }
  }
  return {
    nowMs: options.nowMs,
    sampleSprints: options.settings.sampleSprints,
    maxSprints: options.settings.maxSprints,
    model: {
      items: kept,
      indexOf: new Map(kept.map((item, i) => [item.key, i])),
      sprints,
      links,
      impedimentLinks: [],
      fieldResolution: model.fieldResolution,
      teams: [...model.teams],
      warnings: [],
    },
    calendars: teamCalendars(model, options),
    medianSizes: medianItemSizes(model),
  };
}
