/**
 * The project page's subpages (manifest.yml `pages` under `metascrum-panel`). Jira puts the route at
 * the end of the page URL and tells the app through `view.createHistory()`; any other path (the page's
 * root, an old bookmark) shows the MetaScrum backlog.
 */
export type ProjectRoute = 'backlog' | 'impediments' | 'scrum-of-scrums';

export const PROJECT_ROUTES: readonly ProjectRoute[] = ['backlog', 'impediments', 'scrum-of-scrums'];

export function projectRouteOf(pathname: string | undefined): ProjectRoute {
  const first = (pathname ?? '').split('/').find((part) => part !== '');
  return PROJECT_ROUTES.find((route) => route === first) ?? 'backlog';
}
