/**
 * Project page: the MetaScrum prioritization panel. The program's open epics across teams in MetaScrum
 * order (paged and sorted on the server), each team's ready-backlog horizon against the band, the
 * suggested order, rank flow-down to the team backlogs, the dependency map and the refinement agenda.
 */
import Heading from '@atlaskit/heading';
import { Notice as SectionMessage } from '../../components/Notice';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { token } from '@atlaskit/tokens';
import { lazy, Suspense, useCallback, useState } from 'react';
import type { BoardQuery } from '../../../../src/shared/contract';
import { HorizonBands } from '../../components/HorizonBands';
import { SlipAlertList } from '../../components/SlipAlertList';
import { SnapshotBar } from '../../components/SnapshotBar';
import { ErrorState, LoadingState } from '../../components/States';
import { useResolver } from '../../useResolver';
import { BoardTable } from './BoardTable';
import { OrderNote } from './OrderNote';

// The graph layout library is only downloaded when someone opens the map; the other tabs too are not
// on the first screen, so their code arrives when they are opened.
const DependencyMapView = lazy(() => import('./DependencyMapView'));
const SuggestedOrder = lazy(() => import('./SuggestedOrder').then((m) => ({ default: m.SuggestedOrder })));
const RankFlowPanel = lazy(() => import('./RankFlowPanel').then((m) => ({ default: m.RankFlowPanel })));
const AgendaList = lazy(() => import('./AgendaList').then((m) => ({ default: m.AgendaList })));

export default function PanelView() {
  const [query, setQuery] = useState<BoardQuery>({ page: 1, pageSize: 25 });
  const [board, retry, , reload] = useResolver('panel/getBoard', query);
  // Newer data arrived (the snapshot bar noticed): the board reloads, and so do the tabs' own answers.
  const [generation, setGeneration] = useState(0);
  const refreshed = useCallback(() => {
    reload();
    setGeneration((n) => n + 1);
  }, [reload]);
  if (board.state === 'loading' && !board.previous)
    return <LoadingState label="Loading the MetaScrum backlog" />;
  if (board.state === 'error') return <ErrorState error={board.error} onRetry={retry} />;
  const data = board.state === 'ready' ? board.data : board.previous;
  if (!data) return <LoadingState label="Loading the MetaScrum backlog" />;
  return (
    // One column no wider than the page: the backlog table scrolls on its own on a narrow page instead of
    // widening every section above it past the page's edge (a 1,000-pixel project page cut the horizons).
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: token('space.200') }}>
      <Heading size="large" as="h1">
        {data.programName}: MetaScrum backlog
      </Heading>
      <SnapshotBar
        snapshot={data.snapshot}
        analysis={data.analysis}
        hiddenProjectCount={data.hiddenProjectCount}
        hiddenIssueCount={data.hiddenIssueCount}
        onRefreshed={refreshed}
      />
      {data.programSource === 'all-visible-projects' && (
        <SectionMessage appearance="information" title="Program not configured yet">
          <p>Showing every project you can see. A Jira admin can choose the teams in MetaScrum settings.</p>
        </SectionMessage>
      )}
      <section aria-label="Ready-backlog horizon">
        <Heading size="xsmall" as="h2">
          Ready backlog per team (target {data.band.minSprints}-{data.band.maxSprints} sprints)
        </Heading>
        <HorizonBands horizons={data.horizons} band={data.band} />
      </section>
      <OrderNote order={data.order} />
      <section aria-label="Slip alerts">
        <SlipAlertList open={data.slipAlerts} />
      </section>
      <Tabs id="panel-tabs">
        <TabList>
          <Tab>Backlog ({data.total})</Tab>
          <Tab>Suggested order</Tab>
          <Tab>Flow rank to teams</Tab>
          <Tab>Dependency map</Tab>
          <Tab>Refinement agenda</Tab>
        </TabList>
        <TabPanel>
          <BoardTable
            board={data}
            loading={board.state === 'loading'}
            query={query}
            onQuery={setQuery}
            onChanged={reload}
          />
        </TabPanel>
        <TabPanel>
          <Suspense fallback={<LoadingState label="Loading the suggested order" />}>
            <SuggestedOrder board={data} onAccepted={reload} />
          </Suspense>
        </TabPanel>
        <TabPanel>
          <Suspense fallback={<LoadingState label="Loading the rank flow" />}>
            <RankFlowPanel generation={generation} />
          </Suspense>
        </TabPanel>
        <TabPanel>
          <Suspense fallback={<LoadingState label="Loading the dependency map" />}>
            <DependencyMapView teams={data.teamOptions} />
          </Suspense>
        </TabPanel>
        <TabPanel>
          <Suspense fallback={<LoadingState label="Loading the refinement agenda" />}>
            <AgendaList />
          </Suspense>
        </TabPanel>
      </Tabs>
    </div>
  );
}
