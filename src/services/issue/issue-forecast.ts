/**
 * The issue panel's forecast (docs/DOMAIN.md "Forecast"): the item's or epic's stored forecast, the same
 * record the report's `forecast` section is made of, and the chain of prerequisites that drives it:
 * what delays it in most trials, then what delays that, and so on.
 */
import { issueNumberOf, projectKeyOf } from '../../domain/issue-key';
import type { ForecastEntry } from '../../domain/forecast/forecast-entry';
import type { IssueForecast } from '../../shared/contract';
import { partsOf, readParts } from '../../storage/analysis-store';
import { ForecastRecordSchema, forecastEntryOf } from '../../storage/forecast-schema';
import { redactKeys, type AnalysisView } from '../analysis/analysis-view';

/** Links of the chain shown: each is one more partition read, and the first few explain the date. */
export const MAX_CHAIN = 6;

async function forecastOf(
  view: AnalysisView,
  key: string,
  epic: boolean,
): Promise<ForecastEntry | undefined> {
  if (!view.manifest) return undefined;
  const n = issueNumberOf(key);
  const parts = epic
    ? partsOf(view.manifest, 'forecast-epics')
    : partsOf(view.manifest, `forecast-items:${projectKeyOf(key)}`).filter(
        (p) => (p.first ?? 0) <= n && n <= (p.last ?? Infinity),
      );
  const record = (await readParts(parts, ForecastRecordSchema)).find((r) => r.key === key);
  return record ? forecastEntryOf(record) : undefined;
}

export async function issueForecast(
  view: AnalysisView,
  key: string,
  epic: boolean,
  canSee: (key: string) => boolean,
): Promise<IssueForecast | null> {
  const entry = await forecastOf(view, key, epic);
  if (!entry) return null;
  const drivenBy: IssueForecast['drivenBy'] = [];
  let hidden = false;
  const seen = new Set([key]);
  for (let next = entry.drivenBy[0]; next !== undefined && drivenBy.length < MAX_CHAIN;) {
    if (seen.has(next)) break;
    seen.add(next);
    if (!canSee(next)) {
      hidden = true;
      break;
    }
    const link = await forecastOf(view, next, false);
    drivenBy.push({ key: next, p85Date: link?.p85Date ?? null });
    next = link?.drivenBy[0];
  }
  const { p50Sprint, p85Sprint, p95Sprint, p50Date, p85Date, p95Date, dueDate, pOnTime, unforecastable } =
    entry;
  return {
    p50Sprint,
    p85Sprint,
    p95Sprint,
    p50Date,
    p85Date,
    p95Date,
    dueDate,
    pOnTime,
    // The reason may name issues of projects the viewer cannot see (a cycle's members).
    unforecastable: unforecastable === null ? null : redactKeys(view, unforecastable),
    drivenBy,
    drivenByHidden: hidden,
  };
}
