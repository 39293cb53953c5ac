/** CPO gadget: where are we (totals per team), what is stopping us (open blockers). */
import Badge from '@atlaskit/badge';
import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { GadgetConfig, GadgetOverview } from '../../../../src/shared/contract';
import { IssueLink } from '../../components/IssueLink';
import { EmptyView, ErrorState, LoadingState } from '../../components/States';
import { useResolver } from '../../useResolver';

export default function GadgetView({ config }: { config: GadgetConfig }) {
  const [overview, retry] = useResolver('gadget/getOverview', { config });
  if (overview.state === 'loading') return <LoadingState label="Loading the program overview" />;
  if (overview.state === 'error') return <ErrorState error={overview.error} onRetry={retry} />;
  return <Overview overview={overview.data} />;
}

function Overview({ overview }: { overview: GadgetOverview }) {
  const { totals } = overview;
  return (
    <div style={{ display: 'grid', gap: token('space.200') }}>
      <Heading size="medium" as="h1">
        {overview.title}
      </Heading>
      <p style={{ color: token('color.text.subtle'), margin: 0 }}>Program: {overview.programName}</p>
      <p aria-label="Totals" style={{ display: 'flex', gap: token('space.200'), margin: 0 }}>
        <span>
          Epics <Badge appearance="primary">{totals.epics}</Badge>
        </span>
        <span>
          Open items <Badge>{totals.openItems}</Badge>
        </span>
        <span>
          Done items <Badge appearance="added">{totals.doneItems}</Badge>
        </span>
      </p>
      {overview.hiddenProjectCount > 0 && (
        <SectionMessage appearance="warning">
          <p>{overview.hiddenProjectCount} project(s) hidden: no permission.</p>
        </SectionMessage>
      )}
      <DynamicTable
        caption="Teams"
        head={{
          cells: [
            { key: 'team', content: 'Team', isSortable: true },
            { key: 'epics', content: 'Epics', isSortable: true },
            { key: 'open', content: 'Open', isSortable: true },
            { key: 'done', content: 'Done', isSortable: true },
          ],
        }}
        rows={overview.teams.map((team) => ({
          key: team.projectKey,
          cells: [
            { key: team.projectName.toLowerCase(), content: `${team.projectName} (${team.projectKey})` },
            { key: team.epics, content: team.epics },
            { key: team.openItems, content: team.openItems },
            { key: team.doneItems, content: team.doneItems },
          ],
        }))}
        emptyView={<p>No teams in this program that you can see.</p>}
      />
      <Blockers overview={overview} />
    </div>
  );
}

function Blockers({ overview }: { overview: GadgetOverview }) {
  return (
    <section aria-label="Open blockers">
      <Heading size="small" as="h2">
        What is stopping us: open blockers ({overview.openBlockers.length})
      </Heading>
      {overview.openBlockers.length === 0 ? (
        <EmptyView
          header="No open blockers"
          description="No open issue blocks another one in this program."
        />
      ) : (
        <ul style={{ paddingLeft: token('space.200') }}>
          {overview.openBlockers.map(({ blocker, blocked, crossTeam }) => (
            <li key={`${blocker.key}-${blocked.key}`} style={{ marginBottom: token('space.050') }}>
              <IssueLink issueKey={blocker.key} /> {blocker.summary} <span>blocks</span>{' '}
              <IssueLink issueKey={blocked.key} /> {blocked.summary}{' '}
              {crossTeam && <Lozenge appearance="moved">cross-team</Lozenge>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
