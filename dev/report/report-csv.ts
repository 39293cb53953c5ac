/**
 * CSV: one row per open backlog item, RFC 4180 quoting (fields with a comma, quote or line break are
 * quoted, quotes doubled), CRLF line ends, so spreadsheets and scripts read it the same way.
 */
import type { ProgramAnalysis } from '../../src/domain/analyse-program';
import type { ProgramForecast } from '../../src/domain/forecast/forecast-entry';
import { FORECAST_CSV_HEADER, epicForecastCells } from './report-forecast';

const HEADER = [
  'key',
  'team',
  'epic',
  'summary',
  'points',
  'ready',
  'score',
  'failing',
  'epic_position',
  'prerequisites',
  'dependants',
  ...FORECAST_CSV_HEADER,
];

export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function reportCsv(a: ProgramAnalysis, forecast: ProgramForecast): string {
  const epicForecast = new Map(forecast.epics.map((e) => [e.key, e]));
  const position = new Map(a.priority.epics.map((e) => [e.key, e.position]));
  const prerequisites = new Map<string, number>();
  const dependants = new Map<string, number>();
  for (const d of a.dependencies) {
    prerequisites.set(d.to, (prerequisites.get(d.to) ?? 0) + 1);
    dependants.set(d.from, (dependants.get(d.from) ?? 0) + 1);
  }
  const rows = a.readiness.map((r) =>
    [
      r.key,
      r.team,
      r.epicKey,
      r.summary,
      r.points,
      r.ready,
      r.score,
      r.failing.join(';'),
      r.epicKey === undefined ? undefined : position.get(r.epicKey),
      prerequisites.get(r.key) ?? 0,
      dependants.get(r.key) ?? 0,
      ...epicForecastCells(r.epicKey === undefined ? undefined : epicForecast.get(r.epicKey)),
    ]
      .map(csvField)
      .join(','),
  );
  return [HEADER.join(','), ...rows].join('\r\n') + '\r\n';
}
