/**
 * The forecast in the report (docs/DOMAIN.md "Forecast"): the JSON `forecast` section, the Markdown table of
 * epic forecasts, and the epic forecast columns of the CSV (each item row carries its epic's).
 */
import type { ForecastEntry, ProgramForecast } from '../../src/domain/forecast/forecast-entry';
import { capped, mdTable } from './markdown-text';

const LIMIT = 50;

export function forecastJson(f: ProgramForecast) {
  return { trials: f.trials, seed: f.seed, teams: f.teams, items: f.items, epics: f.epics };
}

const at = (sprint: number | null, date: string | null) =>
  sprint === null || date === null ? 'beyond the horizon' : `sprint ${sprint} (${date})`;
const percent = (p: number | null) => (p === null ? '' : `${Math.round(p * 100)} %`);

function outlook(e: ForecastEntry): Array<string | number> {
  if (e.unforecastable !== null)
    return [e.key, e.team ?? '', '', '', '', e.dueDate ?? '', '', e.unforecastable];
  return [
    e.key,
    e.team ?? '',
    at(e.p50Sprint, e.p50Date),
    at(e.p85Sprint, e.p85Date),
    at(e.p95Sprint, e.p95Date),
    e.dueDate ?? '',
    percent(e.pOnTime),
    e.drivenBy.length > 0 ? `waits for ${e.drivenBy.join(', ')}` : '',
  ];
}

export function forecastMarkdown(f: ProgramForecast): string {
  const epics = capped(f.epics, LIMIT);
  const unestimated = f.items.filter((i) => i.unestimatedItems > 0).length;
  return [
    '## Where we are going: forecast',
    `${f.trials} trials, seed ${f.seed}: each team's capacity per sprint is drawn from the points it ` +
      'completed in its last closed sprints; prerequisites in other teams hold their dependants back. ' +
      `Sprint numbers are the epic team's (1 = its first sprint ending after now).` +
      (unestimated > 0 ? ` ${unestimated} open items are unestimated and sized at their team's median.` : ''),
    mdTable(
      ['Epic', 'Team', 'P50', 'P85', 'P95', 'Due', 'P(on time)', 'Driven by / why not'],
      epics.shown.map(outlook),
    ) + epics.note,
  ].join('\n\n');
}

export const FORECAST_CSV_HEADER = [
  'epic_p50_date',
  'epic_p85_date',
  'epic_p95_date',
  'epic_due_date',
  'epic_p_on_time',
];

/** The epic forecast columns of an item row (empty without an epic or a forecast). */
export function epicForecastCells(entry: ForecastEntry | undefined): Array<string | number | null> {
  if (!entry) return ['', '', '', '', ''];
  return [entry.p50Date, entry.p85Date, entry.p95Date, entry.dueDate, entry.pOnTime];
}
