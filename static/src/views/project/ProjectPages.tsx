/**
 * The project page: picks the subpage from the route Jira reports (`view.createHistory()`), and follows
 * it when Jira's sidebar moves between subpages. Each subpage is its own lazy chunk.
 */
import { view } from '@forge/bridge';
import { lazy, Suspense, useEffect, useState } from 'react';
import { LoadingState } from '../../components/LoadingState';
import { ProgramGate } from '../../components/ProgramGate';
import { projectRouteOf, type ProjectRoute } from '../../projectRoutes';

const PanelView = lazy(() => import('../panel/PanelView'));
const ImpedimentBacklogsView = lazy(() => import('../impediments/ImpedimentBacklogsView'));
const ScrumOfScrumsView = lazy(() => import('../sos/ScrumOfScrumsView'));

function useProjectRoute(): ProjectRoute | undefined {
  const [route, setRoute] = useState<ProjectRoute>();
  useEffect(() => {
    let stop: (() => void) | undefined;
    let current = true;
    view.createHistory().then(
      (history) => {
        if (!current) return;
        setRoute(projectRouteOf(history.location.pathname));
        // history v4 (as @forge/bridge types it): the listener gets the new location.
        stop = history.listen((location) => setRoute(projectRouteOf(location.pathname)));
      },
      // Without a history (an older host), the project page is its first subpage.
      (cause: unknown) => {
        console.warn({ event: 'create-history-failed', cause });
        if (current) setRoute('backlog');
      },
    );
    return () => {
      current = false;
      stop?.();
    };
  }, []);
  return route;
}

export default function ProjectPages({ projectKey }: { projectKey: string | undefined }) {
  const route = useProjectRoute();
  if (route === undefined) return <LoadingState label="Loading the project page" />;
  const page = (
    <Suspense fallback={<LoadingState label="Loading view" />}>
      {route === 'impediments' ? (
        <ImpedimentBacklogsView />
      ) : route === 'scrum-of-scrums' ? (
        <ScrumOfScrumsView />
      ) : (
        <PanelView />
      )}
    </Suspense>
  );
  // Every subpage shows the program of this project (the user picks one when it is in several).
  return projectKey ? <ProgramGate projectKey={projectKey}>{page}</ProgramGate> : page;
}
