/** Chooses the view for the module Forge rendered us in; views are lazy so each is its own chunk. */
import { token } from '@atlaskit/tokens';
import { lazy, Suspense } from 'react';
import { SiteUrlContext } from './components/IssueLink';
import { LoadingState } from './components/LoadingState';
import type { ModuleView } from './forgeContext';
import { ProgramGate } from './components/ProgramGate';
import { setCurrentProgram } from './program';

/** PAY-12 -> PAY: the issue panel follows its project's program. */
const projectKeyOf = (issueKey: string) => issueKey.slice(0, issueKey.lastIndexOf('-'));

const ProjectPages = lazy(() => import('./views/project/ProjectPages'));
const IssueContextView = lazy(() => import('./views/issue/IssueContextView'));
const GadgetView = lazy(() => import('./views/gadget/GadgetView'));
const GadgetEditView = lazy(() => import('./views/gadget/GadgetEditView'));
const AdminView = lazy(() => import('./views/admin/AdminView'));
const BootFailure = lazy(() => import('./components/BootFailure'));

function ViewFor({ view }: { view: ModuleView }) {
  switch (view.kind) {
    case 'panel':
      return <ProjectPages projectKey={view.projectKey} />;
    case 'dependencies':
      return (
        <ProgramGate projectKey={projectKeyOf(view.issueKey)}>
          <IssueContextView issueKey={view.issueKey} />
        </ProgramGate>
      );
    case 'gadget':
      if (view.editing) return <GadgetEditView config={view.config} />;
      setCurrentProgram(view.config.programId);
      return <GadgetView config={view.config} />;
    case 'admin':
      return <AdminView />;
    case 'unsupported':
      return <BootFailure title="Nothing to show here" cause={view.reason} />;
  }
}

export function App({ view, siteUrl }: { view: ModuleView; siteUrl: string }) {
  return (
    <SiteUrlContext.Provider value={siteUrl}>
      <main style={{ color: token('color.text'), padding: token('space.100') }}>
        <Suspense fallback={<LoadingState label="Loading view" />}>
          <ViewFor view={view} />
        </Suspense>
      </main>
    </SiteUrlContext.Provider>
  );
}
