/**
 * The backlog table: server-sorted columns (buttons in the headers, `aria-sort` on the sorted one) and,
 * in rank order, reordering by drag and drop (native HTML drag events) or by the move buttons, which
 * are the keyboard way. A plain table rather than Atlaskit's DynamicTable: its header cells import
 * Tooltip and with it Popper and the top layer (~50 KB gzip), which would break the 150 KB budget.
 */
import { token } from '@atlaskit/tokens';
import { useState, type DragEvent } from 'react';
import { sortCaption } from './sortOrder';
import type { BoardEpic, BoardQuery, BoardSortKey } from '../../../../src/shared/contract';
import { COLUMNS, EpicCells, type RowMove } from './epicCells';

type Move = (m: RowMove) => void;

const cell = {
  padding: `${token('space.075')} ${token('space.100')}`,
  textAlign: 'left' as const,
  verticalAlign: 'top' as const,
};

function SortHeader({
  column,
  query,
  onSort,
}: {
  column: (typeof COLUMNS)[number];
  query: BoardQuery;
  onSort: (key: BoardSortKey) => void;
}) {
  const active = (query.sort ?? 'rank') === column.key;
  const direction = query.order === 'desc' ? 'descending' : 'ascending';
  if (!column.sortable)
    return (
      <th scope="col" style={{ ...cell, width: column.width }}>
        {column.label}
      </th>
    );
  return (
    <th scope="col" aria-sort={active ? direction : 'none'} style={{ ...cell, width: column.width }}>
      <button
        type="button"
        onClick={() => onSort(column.key)}
        style={{
          background: 'none',
          border: 0,
          padding: 0,
          font: 'inherit',
          fontWeight: 600,
          color: token('color.text.subtle'),
          cursor: 'pointer',
        }}
      >
        {column.label}
        {active ? (query.order === 'desc' ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
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
  const [dragged, setDragged] = useState<string | undefined>();
  const [over, setOver] = useState<string | undefined>();
  const drop = (target: BoardEpic) => (event: DragEvent) => {
    event.preventDefault();
    const key = dragged;
    setDragged(undefined);
    setOver(undefined);
    if (!key || key === target.key) return;
    const from = rows.findIndex((r) => r.key === key);
    const to = rows.findIndex((r) => r.key === target.key);
    move({ key, to: from < to ? 'after' : 'before', anchor: target.key });
  };
  return (
    <table
      data-testid="epic-table"
      aria-busy={busy}
      style={{ width: '100%', borderCollapse: 'collapse', opacity: busy ? 0.6 : 1 }}
    >
      <caption style={{ font: token('font.body.small'), ...cell, color: token('color.text.subtle') }}>
        {sortCaption(query, COLUMNS)}
        {canMove && (query.sort ?? 'rank') === 'rank'
          ? ': drag a row, or use its move buttons, to reorder'
          : ''}
      </caption>
      <thead style={{ borderBottom: `2px solid ${token('color.border')}` }}>
        <tr>
          {COLUMNS.map((c) => (
            <SortHeader key={c.key} column={c} query={query} onSort={onSort} />
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((epic, i) => (
          <tr
            key={epic.key}
            data-testid={`epic-${epic.key}`}
            draggable={canMove && !busy}
            onDragStart={(e) => {
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', epic.key);
              setDragged(epic.key);
            }}
            onDragOver={(e) => {
              if (!dragged) return;
              e.preventDefault();
              setOver(epic.key);
            }}
            onDragEnd={() => {
              setDragged(undefined);
              setOver(undefined);
            }}
            onDrop={drop(epic)}
            style={{
              borderTop: `1px solid ${token('color.border')}`,
              background:
                over === epic.key
                  ? token('color.background.selected')
                  : epic.inversion
                    ? token('color.background.warning')
                    : undefined,
              cursor: canMove ? 'grab' : undefined,
            }}
          >
            <EpicCells
              epic={epic}
              above={rows[i - 1]?.key}
              below={rows[i + 1]?.key}
              canMove={canMove && !busy}
              move={move}
              cellStyle={cell}
            />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
