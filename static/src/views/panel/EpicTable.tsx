/**
 * The backlog table: Atlaskit's DynamicTable with server-sorted columns and, in rank order, rankable rows
 * (drag a row with the mouse, or pick it up with space and move it with the arrow keys) beside the move
 * buttons. The server sorts and pages; the table only shows what it sends.
 */
import { DynamicTableStateless } from '@atlaskit/dynamic-table';
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { BoardEpic, BoardQuery, BoardSortKey } from '../../../../src/shared/contract';
import { COLUMNS, epicCellContents, isSortKey } from './epicCells';
import { dropAsMove, type RowMove } from './rankDrop';
import { sortCaption } from './sortOrder';

type Move = (m: RowMove) => void;

/**
 * Whether DynamicTable's rankable rows are in the page. It renders plain rows first and swaps in the
 * rankable ones when their lazily loaded chunk arrives (and on every remount of its body): a click on a
 * plain row's button in that moment lands on a row about to be replaced and is lost. So the buttons stay
 * disabled, with a cue, until the rows that carry the drag handles are there (they carry
 * `data-rbd-draggable-id`).
 */
function useRankableRowsShown(root: RefObject<HTMLElement | null>, expected: boolean): boolean {
  const [shown, setShown] = useState(false);
  useLayoutEffect(() => {
    const element = root.current;
    if (!expected || !element) return;
    const check = () => setShown(element.querySelector('[data-rbd-draggable-id]') !== null);
    check();
    const observer = new MutationObserver(check);
    observer.observe(element, { subtree: true, childList: true, attributes: true });
    return () => observer.disconnect();
  }, [root, expected]);
  return !expected || shown;
}

export function EpicTable({
  rows,
  query,
  canMove,
  busy,
  onSort,
  move,
}: {
  rows: BoardEpic[];
  query: BoardQuery;
  canMove: boolean;
  busy: boolean;
  onSort: (key: BoardSortKey) => void;
  move: Move;
}) {
  const sort = query.sort ?? 'rank';
  const rankOrder = sort === 'rank' && query.order !== 'desc';
  const descending = query.order === 'desc';
  // The table re-sorts its rows by the cells' keys whenever a sort key is set; then every cell's key is
  // the row's place in the server's order, so that re-sort keeps the server's order (ties included). In
  // rank order nothing re-sorts, and the rankable rows use the cell keys as React keys: one per column.
  const cellKey = (row: number, column: number) => (rankOrder ? column : descending ? -row : row);
  const root = useRef<HTMLDivElement>(null);
  const controlsShown = useRankableRowsShown(root, canMove && rows.length > 0);
  const howToReorder = controlsShown
    ? ': drag a row, or use its move buttons, to reorder'
    : ': loading the reorder controls…';
  return (
    <div ref={root} data-testid="epic-table" aria-busy={busy || !controlsShown} style={{ overflowX: 'auto' }}>
      <DynamicTableStateless
        testId="epic-table"
        caption={sortCaption(query, COLUMNS) + (canMove && rankOrder ? howToReorder : '')}
        head={{
          cells: COLUMNS.map((c) => ({
            key: c.key,
            content: c.label,
            isSortable: c.sortable,
            width: c.width,
          })),
        }}
        rows={rows.map((epic, i) => ({
          key: epic.key,
          testId: `epic-${epic.key}`,
          cells: epicCellContents({
            epic,
            above: rows[i - 1]?.key,
            below: rows[i + 1]?.key,
            canMove,
            moveDisabled: busy || !controlsShown,
            move,
          }).map((content, column) => ({
            key: cellKey(i, column),
            content,
            testId: `${COLUMNS[column]?.key ?? column}-cell`,
          })),
        }))}
        // Rankable only in MetaScrum order: DynamicTable ranks only when no sort key is set.
        sortKey={rankOrder ? undefined : sort}
        sortOrder={descending ? 'DESC' : 'ASC'}
        onSort={(data: { key: unknown }) => {
          const key = data.key;
          onSort(typeof key === 'string' && isSortKey(key) ? key : 'rank');
        }}
        isRankable={canMove}
        isRankingDisabled={!canMove || busy}
        isLoading={busy}
        onRankEnd={(rank) => {
          const m = dropAsMove(rank);
          if (m) move(m);
        }}
      />
    </div>
  );
}
