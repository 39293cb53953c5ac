/**
 * "Before saving a reorder, show how epic forecasts would change" (issue 13): the forecast engine run
 * twice, under the current MetaScrum order and under the proposed one, with the same seed and fewer
 * trials than the stored forecast, so that a difference between the two columns comes from the order,
 * not from sampling. Nothing of the order is saved. Only epics the user sees are answered.
 *
 * It forecasts the program's forecast basis (preview-basis.ts): read from storage when one fits, else
 * built from the snapshot and kept for the next clicks. At 100k issues the snapshot is about a thousand
 * KVS read units, a quarter of the installation's minute; the basis is a few dozen.
 */
import { clock } from '../../clock';
import type { ProgramForecast } from '../../domain/forecast/forecast-entry';
import { forecastProgram } from '../../domain/forecast/forecast-program';
import { buildDependencyGraph } from '../../domain/graph/dependency-graph';
import { metaScrumOrder } from '../../domain/priority/metascrum-order';
import { proposedOrder } from '../../domain/priority/proposed-order';
import { DeadlineExceeded, assertCanWait } from '../../invocation-deadline';
import type { OrderPreview } from '../../shared/contract';
import { analysisViewFor, redactKeys, sees } from '../analysis/analysis-view';
import { previewBasis } from './preview-basis';
import { InvalidInput } from '../errors';
import type { Viewer } from '../viewer';

/** Enough trials to tell a sprint's move at P85 from noise on a common seed; 2,000 take too long here. */
export const PREVIEW_TRIALS = 300;
/** Well under a resolver's 25 s: reading the snapshot, two runs and the answer must fit. */
export const PREVIEW_BUDGET_MS = 12_000;

const NOT_ANALYSED = 'cannot be previewed before the program has been analysed';

export async function previewOrder(viewer: Viewer, proposal: readonly string[]): Promise<OrderPreview> {
  const started = clock();
  const view = await analysisViewFor(viewer);
  if (!view.manifest) throw new InvalidInput('order', NOT_ANALYSED);
  const loaded = await previewBasis(viewer.now, view.manifest);
  if (!loaded) throw new InvalidInput('order', NOT_ANALYSED);
  const { basis, settings: stored } = loaded;
  const { model } = basis;
  const epics = model.items.filter((i) => i.kind === 'epic' && !i.done && !i.external);
  // The order the stored analysis forecast with (domain/priority/program-priority.ts).
  const current = metaScrumOrder(epics, view.order?.keys ?? []).epics.map((e) => e.key);
  const open = new Set(current);
  // The key is not repeated back: it may be one the user cannot see.
  proposal.forEach((key, i) => {
    if (!open.has(key) || !sees(view, key))
      throw new InvalidInput(`order.${i}`, 'is not an open epic of the program that you can see');
  });
  const next = proposedOrder(current, proposal);
  const settings = { ...stored, trials: Math.min(PREVIEW_TRIALS, stored.trials) };
  const graph = buildDependencyGraph(model);
  const run = (epicOrder: readonly string[]) =>
    forecastProgram(model, { nowMs: basis.nowMs, epicOrder, settings, graph, basis });
  const runStarted = clock();
  const before = run(current);
  const runMs = clock() - runStarted;
  const spent = clock() - started;
  if (spent + runMs > PREVIEW_BUDGET_MS)
    throw new DeadlineExceeded('the reorder preview', 'resolver', runMs, PREVIEW_BUDGET_MS - spent);
  assertCanWait('the reorder preview', runMs);
  const after = run(next);
  return {
    trials: settings.trials,
    seed: settings.seed,
    epics: compare(view, model.items, { current, next }, before, after),
  };
}

function compare(
  view: Parameters<typeof sees>[0],
  items: ReadonlyArray<{ key: string; summary: string }>,
  orders: { current: readonly string[]; next: readonly string[] },
  before: ProgramForecast,
  after: ProgramForecast,
): OrderPreview['epics'] {
  const summaries = new Map(items.map((i) => [i.key, i.summary]));
  const rankIn = (order: readonly string[]) => new Map(order.map((key, i) => [key, i + 1]));
  const currentRank = rankIn(orders.current);
  const proposedRank = rankIn(orders.next);
  const now = new Map(after.epics.map((e) => [e.key, e]));
  return before.epics
    .filter((e) => sees(view, e.key))
    .map((e) => {
      const p = now.get(e.key);
      return {
        key: e.key,
        summary: summaries.get(e.key) ?? '',
        currentRank: currentRank.get(e.key) ?? 0,
        proposedRank: proposedRank.get(e.key) ?? 0,
        currentP85Date: e.p85Date,
        proposedP85Date: p?.p85Date ?? null,
        dueDate: e.dueDate,
        currentPOnTime: e.pOnTime,
        proposedPOnTime: p?.pOnTime ?? null,
        unforecastable: e.unforecastable === null ? null : redactKeys(view, e.unforecastable),
      };
    })
    .sort((a, b) => a.proposedRank - b.proposedRank);
}
