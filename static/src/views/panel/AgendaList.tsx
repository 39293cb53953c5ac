/** The refinement agenda: the top-ranked items that are not ready, with the Definition-of-Ready rules they fail. */
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { IssueLink } from '../../components/IssueLink';
import { EmptyView, ErrorState, LoadingState } from '../../components/States';
import { useResolver } from '../../useResolver';

export function AgendaList() {
  const [agenda, retry] = useResolver('panel/getAgenda', { limit: 25 });
  if (agenda.state === 'loading') return <LoadingState label="Loading the refinement agenda" />;
  if (agenda.state === 'error') return <ErrorState error={agenda.error} onRetry={retry} />;
  const { items } = agenda.data;
  if (items.length === 0)
    return (
      <EmptyView
        header="Nothing to refine"
        description="Every open backlog item meets the Definition of Ready."
      />
    );
  return (
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
  );
}
