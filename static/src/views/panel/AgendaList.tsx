/**
 * The refinement agenda: the top-ranked items that are not ready, with the Definition-of-Ready rules they
 * fail, as Atlaskit's DynamicTable (sortable by rank, team and failing rules). "Show more" asks for the
 * next 25; "Show all" for every item the agenda keeps, shown a page at a time so a long agenda is never
 * rendered at once.
 */
import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import Lozenge from '@atlaskit/lozenge';
import { useState } from 'react';
import { token } from '@atlaskit/tokens';
import type { Agenda } from '../../../../src/shared/contract';
import { IssueLink } from '../../components/IssueLink';
import { EmptyView, ErrorState, LoadingState } from '../../components/States';
import { useResolver } from '../../useResolver';
import { plural } from '../../format';

const AGENDA_PAGE = 25;
/** "Show more" grows the list up to here; beyond, only "Show all". */
const AGENDA_MORE_MAX = 100;
/** What the agenda keeps (src/services/analysis/view-records.ts AGENDA_KEEP), the contract's bound. */
export const AGENDA_ALL = 300;
/** Rows on one page of the table: the bound on what is rendered at once. */
export const AGENDA_ROWS_PER_PAGE = 100;

type Item = Agenda['items'][number];

const HEAD = {
  cells: [
    { key: 'rank', content: 'Epic rank', isSortable: true, width: 10 },
    { key: 'item', content: 'Item' },
    { key: 'team', content: 'Team', isSortable: true, width: 12 },
    { key: 'failing', content: 'Fails', isSortable: true },
  ],
};

function rowOf(item: Item) {
  return {
    key: item.key,
    testId: `agenda-${item.key}`,
    cells: [
      { key: item.epicRank ?? Number.MAX_SAFE_INTEGER, content: item.epicRank ?? '—' },
      {
        key: item.key,
        content: (
          <>
            <IssueLink issueKey={item.key} /> <span>{item.summary}</span>
            {item.epic && (
              <div style={{ color: token('color.text.subtle') }}>
                epic <IssueLink issueKey={item.epic} />
              </div>
            )}
          </>
        ),
      },
      { key: item.team ?? '', content: item.team ?? 'no team' },
      {
        key: item.failing.length,
        content: (
          <ul style={{ margin: 0, paddingLeft: token('space.200') }}>
            {item.failing.map((f) => (
              <li key={f.id}>
                <Lozenge appearance={f.required ? 'removed' : 'default'}>{f.id}</Lozenge> {f.reason}
              </li>
            ))}
          </ul>
        ),
      },
    ],
  };
}

export function AgendaList() {
  const [limit, setLimit] = useState(AGENDA_PAGE);
  const [agenda, retry] = useResolver('panel/getAgenda', { limit });
  if (agenda.state === 'loading') return <LoadingState label="Loading the refinement agenda" />;
  if (agenda.state === 'error') return <ErrorState error={agenda.error} onRetry={retry} />;
  const { items, more } = agenda.data;
  if (items.length === 0)
    return (
      <EmptyView
        header="Nothing to refine"
        description="Every open backlog item meets the Definition of Ready."
      />
    );
  return (
    <div data-testid="agenda" style={{ paddingTop: token('space.150') }}>
      <DynamicTable
        testId="agenda-table"
        caption={`Not-ready items by epic rank: ${plural(items.length, 'item')}`}
        head={HEAD}
        rows={items.map(rowOf)}
        rowsPerPage={AGENDA_ROWS_PER_PAGE}
        defaultPage={1}
      />
      {more > 0 && (
        <p
          data-testid="agenda-more"
          style={{ display: 'flex', gap: token('space.100'), alignItems: 'center' }}
        >
          and {more} more not-ready {more === 1 ? 'item' : 'items'}
          {limit < AGENDA_MORE_MAX && (
            <Button onClick={() => setLimit(Math.min(AGENDA_MORE_MAX, limit + AGENDA_PAGE))}>
              Show more
            </Button>
          )}
          <Button onClick={() => setLimit(AGENDA_ALL)}>Show all</Button>
        </p>
      )}
    </div>
  );
}
