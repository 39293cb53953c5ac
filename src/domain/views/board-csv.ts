/**
 * The panel's epics as CSV (RFC 4180: every field quoted, quotes doubled, CRLF line ends). A field that
 * a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe (OWASP
 * "CSV injection"), since summaries come from Jira users.
 */
import type { BoardEpic } from '../../shared/contract';

const HEADER = [
  'MetaScrum rank',
  'Key',
  'Summary',
  'Team',
  'Status',
  'WSJF',
  'Readiness %',
  'Ready points',
  'Open points',
  'Dependencies in',
  'Dependencies out',
  'Conflicts',
  'In a cycle',
  'Open impediments',
  'Suggested rank',
  'Why move',
  'Forecast P50',
  'Forecast P85',
];

function field(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

function forecastDate(r: BoardEpic, pick: 'p50Date' | 'p85Date'): string | null {
  const f = r.forecast;
  if (f === null) return null;
  if (f.unforecastable !== null) return `unforecastable: ${f.unforecastable}`;
  return f[pick] ?? 'beyond the horizon';
}

export function boardCsv(rows: readonly BoardEpic[]): string {
  const lines = rows.map((r) =>
    [
      r.rank,
      r.key,
      r.summary,
      r.team,
      r.statusName,
      r.wsjf,
      r.readiness,
      r.readyPoints,
      r.openPoints,
      r.depsIn,
      r.depsOut,
      r.conflicts,
      r.inCycle ? 'yes' : 'no',
      r.impediments,
      r.suggestedRank,
      r.moveReason,
      // Unforecastable or beyond the horizon: the column says why instead of a date.
      forecastDate(r, 'p50Date'),
      forecastDate(r, 'p85Date'),
    ]
      .map(field)
      .join(','),
  );
  return [HEADER.map(field).join(','), ...lines].join('\r\n') + '\r\n';
}
