/**
 * The program backlog: filters, a server-sorted and server-paged table, and reordering (move up, down,
 * to top, or drag and drop in rank order) that persists as the MetaScrum order.
 */
import Button from '@atlaskit/button/default/button';
import { Notice as SectionMessage } from '../../components/Notice';
import { token } from '@atlaskit/tokens';
import { Suspense, lazy, useState } from 'react';
import { MAX_DRAFT_MOVES } from '../../../../src/shared/epic-move';
import type { Board, BoardQuery } from '../../../../src/shared/contract';
import { call, type ResolverCallError } from '../../api';
import { ErrorState, LoadingState } from '../../components/States';
import { toCallError } from '../../useResolver';
import { BoardFilters } from './BoardFilters';
import type { RowMove } from './epicCells';
import { EpicTable } from './EpicTable';
import { nextSort } from './sortOrder';
import { downloadCsv } from './downloadCsv';
import { draftPage } from './draftPage';

const DryRunDraft = lazy(() => import('./DryRunDraft'));

export function BoardTable({
  board,
  loading,
  query,
  onQuery,
  onChanged,
}: {
  board: Board;
  loading: boolean;
  query: BoardQuery;
  onQuery: (q: BoardQuery) => void;
  onChanged: () => void;
}) {
  const [failure, setFailure] = useState<ResolverCallError | undefined>();
  const [busy, setBusy] = useState(false);
  const rankOrder = (query.sort ?? 'rank') === 'rank' && query.order !== 'desc';
  const canReorder = board.order.canReorder && rankOrder;
  const pages = Math.max(1, Math.ceil(board.total / board.pageSize));
  // A dry run's moves, not saved yet (undefined: moves are saved as they are made).
  const [draft, setDraft] = useState<RowMove[] | undefined>();
  const rows = draft
    ? draftPage(board.rows, draft, { first: board.page <= 1, last: board.page >= pages })
    : board.rows;

  const move = (m: RowMove) => {
    if (draft) {
      if (draft.length < MAX_DRAFT_MOVES) setDraft([...draft, m]);
      return;
    }
    setBusy(true);
    setFailure(undefined);
    call('panel/moveEpic', { ...m, baseVersion: board.order.version }).then(
      () => {
        setBusy(false);
        onChanged();
      },
      (cause: unknown) => {
        setBusy(false);
        const error = toCallError(cause);
        setFailure(error);
        // Someone else changed the order since this board was loaded: show theirs, keep the notice.
        if (error.code === 'CONFLICT') onChanged();
      },
    );
  };
  const exportCsv = () => {
    const { team, readiness, conflictsOnly, text, sort, order } = query;
    call('panel/exportCsv', { team, readiness, conflictsOnly, text, sort, order }).then(
      (file) => downloadCsv(file.filename, file.csv),
      (cause: unknown) => setFailure(toCallError(cause)),
    );
  };

  return (
    <div style={{ display: 'grid', gap: token('space.150'), paddingTop: token('space.150') }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.150'), alignItems: 'end' }}>
        <BoardFilters teams={board.teamOptions} query={query} onQuery={onQuery} />
        <Button onClick={exportCsv}>Export CSV</Button>
        {canReorder && !draft && (
          <Button onClick={() => setDraft([])} aria-label="Start a dry run: preview moves before saving them">
            Dry run
          </Button>
        )}
      </div>
      {draft && (
        <Suspense fallback={<LoadingState label="Loading the dry run" />}>
          <DryRunDraft
            moves={draft}
            baseVersion={board.order.version}
            onUndo={() => setDraft(draft.slice(0, -1))}
            onDiscard={() => setDraft(undefined)}
            onSaved={() => {
              setDraft(undefined);
              onChanged();
            }}
            onConflict={onChanged}
          />
        </Suspense>
      )}
      {failure && <ErrorState error={failure} />}
      {!rankOrder && board.order.canReorder && (
        <SectionMessage appearance="information">
          <p>Sort by rank (ascending) to reorder.</p>
        </SectionMessage>
      )}
      <EpicTable
        rows={rows}
        query={query}
        canMove={canReorder}
        busy={loading || busy}
        move={move}
        onSort={(key) => {
          onQuery({ ...query, ...nextSort(query, key), page: 1 });
        }}
      />
      {board.rows.length === 0 && <p>No epics match these filters.</p>}
      <nav aria-label="Pages" style={{ display: 'flex', gap: token('space.100'), alignItems: 'center' }}>
        <Button isDisabled={board.page <= 1} onClick={() => onQuery({ ...query, page: board.page - 1 })}>
          Previous
        </Button>
        <span>
          Page {board.page} of {pages} ({board.total} epics)
        </span>
        <Button isDisabled={board.page >= pages} onClick={() => onQuery({ ...query, page: board.page + 1 })}>
          Next
        </Button>
      </nav>
    </div>
  );
}
