/**
 * "Where are we going" in numbers: the top epics' forecasts and the program's burn-up fan, read from
 * the forecast the consumer stored with the analysis (the same records the report's `forecast`
 * section is made of), and the slip alerts, each limited to the issues the viewer can see (project and security level).
 */
import type { ForecastOutlook, SlipAlertView } from '../../shared/contract';
import type { ForecastEntry } from '../../domain/forecast/forecast-entry';
import { partsOf, readParts } from '../../storage/analysis-store';
import { ForecastRecordSchema, forecastEntryOf } from '../../storage/forecast-schema';
import { readSlipAlerts } from '../../storage/slip-alerts';
import { mayName, redactKeys, sees, type AnalysisView } from '../analysis/analysis-view';

/** Points the fan is drawn with: a sprint end per point would be thousands at 100k issues. */
export const MAX_BURN_UP_POINTS = 60;

/** By each percentile date, how many epics are done at P50, P85 and P95 (beyond the horizon: never). */
export function burnUp(epics: readonly ForecastEntry[]): ForecastOutlook['burnUp'] {
  const dates = [
    ...new Set(epics.flatMap((e) => [e.p50Date, e.p85Date, e.p95Date]).filter((d) => d !== null)),
  ].sort();
  const step = Math.max(1, Math.ceil(dates.length / MAX_BURN_UP_POINTS));
  const shown = dates.filter((_, i) => i % step === 0 || i === dates.length - 1);
  const doneBy = (date: string, pick: (e: ForecastEntry) => string | null) =>
    epics.filter((e) => {
      const at = pick(e);
      return at !== null && at <= date;
    }).length;
  return shown.map((date) => ({
    date,
    p50: doneBy(date, (e) => e.p50Date),
    p85: doneBy(date, (e) => e.p85Date),
    p95: doneBy(date, (e) => e.p95Date),
  }));
}

export async function forecastOutlook(
  view: AnalysisView,
  topKeys: readonly string[],
): Promise<ForecastOutlook> {
  const m = view.manifest;
  const records = m ? await readParts(partsOf(m, 'forecast-epics'), ForecastRecordSchema) : [];
  const epics = records.map(forecastEntryOf).filter((e) => sees(view, e.key));
  const byKey = new Map(epics.map((e) => [e.key, e]));
  const forecastable = epics.filter((e) => e.unforecastable === null);
  return {
    epics: topKeys.flatMap((key) => {
      const e = byKey.get(key);
      if (!e) return [];
      const { p50Date, p85Date, dueDate, pOnTime, unforecastable } = e;
      // The reason names the issues in the way (a cycle's members): those the viewer may not see are redacted.
      const reason = unforecastable === null ? null : redactKeys(view, unforecastable);
      return [{ key, p50Date, p85Date, dueDate, pOnTime, unforecastable: reason }];
    }),
    epicCount: forecastable.length,
    burnUp: burnUp(forecastable),
  };
}

/**
 * Slip alerts that touch the view's scope (either side, for a dependency) and name only issues the
 * viewer may see (both sides): a narrowed gadget lists fewer alerts, never hides a visible side.
 */
export async function visibleSlipAlerts(
  view: AnalysisView,
): Promise<{ open: SlipAlertView[]; resolved: SlipAlertView[] }> {
  const stored = await readSlipAlerts();
  const shown = (a: SlipAlertView) =>
    (sees(view, a.key) || (a.prerequisite !== null && sees(view, a.prerequisite))) &&
    mayName(view, a.key) &&
    (a.prerequisite === null || mayName(view, a.prerequisite));
  return {
    open: (stored?.body.open ?? []).filter(shown),
    resolved: (stored?.body.resolved ?? []).filter(shown),
  };
}
