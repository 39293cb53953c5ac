/** The refinement agenda: the top-ranked items that are not ready, with the Definition-of-Ready rules they fail. */
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { useState } from 'react';
import { token } from '@atlaskit/tokens';
import { IssueLink } from '../../components/IssueLink';
import { EmptyView, ErrorState, LoadingState } from '../../components/States';
import { useResolver } from '../../useResolver';

const AGENDA_PAGE = 25;
const AGENDA_MAX = 100;

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
    <>
      <ol
        data-testid="agenda"
        style={{ display: 'grid', gap: token('space.100'), paddingTop: token('space.150') }}
      >
        {items.map((item) => (
          <li key={item.key}>
            <span
              style={{
                display: 'inline-flex',
                gap: token('space.075'),
                flexWrap: 'wrap',
                alignItems: 'center',
              }}
            >
              <IssueLink issueKey={item.key} />
              <span>{item.summary}</span>
              <span style={{ color: token('color.text.subtle') }}>
                {item.team ?? 'no team'}
                {item.epic ? ` · epic ${item.epic}${item.epicRank ? ` (rank ${item.epicRank})` : ''}` : ''}
              </span>
            </span>
            <ul style={{ margin: 0 }}>
              {item.failing.map((f) => (
                <li key={f.id}>
                  <Lozenge appearance={f.required ? 'removed' : 'default'}>{f.id}</Lozenge> {f.reason}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {more > 0 && (
        <p data-testid="agenda-more">
          and {more} more not-ready {more === 1 ? 'item' : 'items'}{' '}
          {limit < AGENDA_MAX && (
            <Button onClick={() => setLimit(Math.min(AGENDA_MAX, limit + AGENDA_PAGE))}>Show more</Button>
          )}
        </p>
      )}
    </>
  );
}
