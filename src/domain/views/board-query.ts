/**
 * Filters, sorts and pages the panel's epic rows on the server, so the UI only ever holds one page
 * (2,000 epics stay responsive). Ties keep MetaScrum rank order, so a sort is stable for the user.
 */
import type { BoardEpic, BoardFilter, BoardSortKey } from '../../shared/contract';

const READINESS_READY = 100;

function matches(row: BoardEpic, filter: BoardFilter): boolean {
  if (filter.team && row.team !== filter.team) return false;
  if (filter.readiness === 'ready' && (row.readiness ?? 0) < READINESS_READY) return false;
  if (filter.readiness === 'not-ready' && (row.readiness ?? 0) >= READINESS_READY) return false;
  if (filter.conflictsOnly && row.conflicts === 0 && !row.inCycle) return false;
  const text = filter.text?.trim().toLowerCase();
  if (text && !row.key.toLowerCase().includes(text) && !row.summary.toLowerCase().includes(text))
    return false;
  return true;
}

/**
 * Where a row's forecast sorts whatever the direction: dated first, then beyond the forecast horizon,
 * then unforecastable (a cycle, a team without velocity), then epics the forecast has not covered yet.
 */
function forecastTier(row: BoardEpic): number {
  const f = row.forecast;
  if (f === null) return 3;
  if (f.unforecastable !== null) return 2;
  return f.p85Date === null ? 1 : 0;
}

function valueOf(row: BoardEpic, key: BoardSortKey): number | string {
  switch (key) {
    case 'forecast':
      return row.forecast?.p85Date ?? '';
    case 'key':
      return row.key;
    case 'team':
      return row.team;
    case 'wsjf':
      return row.wsjf ?? -Infinity;
    case 'readiness':
      return row.readiness ?? -Infinity;
    default:
      return row[key];
  }
}

/** Rows matching the filter, sorted by `sort` (rank by default), ties in rank order. */
export function filterAndSort(rows: readonly BoardEpic[], filter: BoardFilter): BoardEpic[] {
  const sort = filter.sort ?? 'rank';
  const direction = filter.order === 'desc' ? -1 : 1;
  return rows
    .filter((row) => matches(row, filter))
    .sort((a, b) => {
      const tier = sort === 'forecast' ? forecastTier(a) - forecastTier(b) : 0;
      const [va, vb] = [valueOf(a, sort), valueOf(b, sort)];
      const cmp = va < vb ? -1 : va > vb ? 1 : 0;
      return tier || cmp * direction || a.rank - b.rank;
    });
}

export function pageOf<T>(rows: readonly T[], page: number, pageSize: number): { rows: T[]; page: number } {
  const last = Math.max(1, Math.ceil(rows.length / pageSize));
  const current = Math.min(Math.max(1, page), last);
  return { rows: rows.slice((current - 1) * pageSize, current * pageSize), page: current };
}
