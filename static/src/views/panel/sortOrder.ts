/** The panel's sort rules: which way a column opens, and the caption that says how the table is sorted. */
import type { BoardQuery, BoardSortKey } from '../../../../src/shared/contract';

/** Columns where more is better open highest first; the others (rank, key, team) lowest first. */
const HIGHEST_FIRST = new Set<BoardSortKey>([
  'wsjf',
  'readiness',
  'readyPoints',
  'depsIn',
  'depsOut',
  'conflicts',
  'impediments',
]);

export function nextSort(
  query: BoardQuery,
  key: BoardSortKey,
): { sort: BoardSortKey; order: 'asc' | 'desc' } {
  if ((query.sort ?? 'rank') === key) return { sort: key, order: query.order === 'desc' ? 'asc' : 'desc' };
  return { sort: key, order: HIGHEST_FIRST.has(key) ? 'desc' : 'asc' };
}

export function sortCaption(
  query: BoardQuery,
  columns: ReadonlyArray<{ key: string; label: string }>,
): string {
  const sort = query.sort ?? 'rank';
  if (sort === 'rank' && query.order !== 'desc') return 'Epics in MetaScrum order';
  const label = columns.find((c) => c.key === sort)?.label ?? sort;
  const direction = HIGHEST_FIRST.has(sort)
    ? query.order === 'desc'
      ? 'highest first'
      : 'lowest first'
    : query.order === 'desc'
      ? 'descending'
      : 'ascending';
  return `Epics by ${label}, ${direction}`;
}
