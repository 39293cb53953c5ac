/** Project page: the program's epics in MetaScrum order, with each team's counts. */
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { EpicPage } from '../../../../src/shared/contract';
import { EmptyView, ErrorState, LoadingState } from '../../components/States';
import { TeamSummaries } from '../../components/TeamSummaries';
import { useResolver } from '../../useResolver';
import { EpicTable } from './EpicTable';

// The resolver reads the project from the Forge context itself, so the payload is empty.
export default function PanelView() {
  const [epics, retry] = useResolver('panel/listEpics', {});
  if (epics.state === 'loading') return <LoadingState label="Loading the program's epics" />;
  if (epics.state === 'error') return <ErrorState error={epics.error} onRetry={retry} />;
  return <EpicPageView page={epics.data} />;
}

function EpicPageView({ page }: { page: EpicPage }) {
  return (
    <div style={{ display: 'grid', gap: token('space.200') }}>
      <Heading size="large" as="h1">
        {page.programName}
      </Heading>
      {page.programSource === 'all-visible-projects' && (
        <SectionMessage appearance="information" title="Program not configured yet">
          <p>Showing every project you can see. An admin can choose the teams in MetaScrum settings.</p>
        </SectionMessage>
      )}
      {page.hiddenProjectCount > 0 && (
        <SectionMessage appearance="warning" title="Some teams are hidden">
          <p data-testid="hidden-projects">
            {page.hiddenProjectCount === 1
              ? '1 project hidden'
              : `${page.hiddenProjectCount} projects hidden`}
            : no permission. Ask a Jira admin for access to see their epics.
          </p>
        </SectionMessage>
      )}
      <TeamSummaries teams={page.teams} />
      {page.epics.length === 0 ? (
        <EmptyView
          header="No epics yet"
          description="None of the program's projects you can see has an epic. Create epics in a team project to plan them here."
        />
      ) : (
        <EpicTable epics={page.epics} />
      )}
    </div>
  );
}
