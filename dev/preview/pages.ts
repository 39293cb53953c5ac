/** The Jira-like pages of the preview: each one renders the shell and, where Jira would, a Custom UI iframe. */
import { tourHref } from './demo-tour';
import type { FrameRegistry } from './frames';
import { customUiFrame, escapeHtml, renderShell } from './html';
import { readString, type PreviewTarget } from './jira-target';
import type { Session } from './session';

export interface PageDeps {
  target: PreviewTarget;
  frames: FrameRegistry;
  /** Gadget configuration per user, as Jira keeps it per gadget instance. */
  gadgetConfigs: Map<string, Record<string, unknown>>;
}

export interface Page {
  status: number;
  html: string;
}

function page(
  deps: PageDeps,
  session: Session,
  path: string,
  title: string,
  body: string,
  status = 200,
): Page {
  const { siteName, users } = deps.target;
  return {
    status,
    html: renderShell({
      siteName,
      users,
      user: session.user,
      colorMode: session.colorMode,
      path,
      title,
      body,
    }),
  };
}

function records(value: unknown, key: string): unknown[] {
  const list: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
  return Array.isArray(list) ? list : [];
}

function field(value: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>(
    (at, key) => (typeof at === 'object' && at !== null ? Reflect.get(at, key) : undefined),
    value,
  );
}

async function issueLinks(deps: PageDeps, session: Session, jql: string): Promise<string> {
  const route = `/rest/api/3/search/jql?maxResults=8&fields=summary,issuetype&jql=${encodeURIComponent(jql)}`;
  const reply = await deps.target.getAsUser(session.user.accountId, route);
  return records(reply.body, 'issues')
    .map((issue) => {
      const key = readString(issue, 'key') ?? '';
      const summary = readString(field(issue, 'fields'), 'summary') ?? '';
      return `<li><a href="/issue/${encodeURIComponent(key)}">${escapeHtml(key)}</a> ${escapeHtml(summary)}</li>`;
    })
    .join('');
}

export async function homePage(deps: PageDeps, session: Session): Promise<Page> {
  const projects = await deps.target.getAsUser(
    session.user.accountId,
    '/rest/api/3/project/search?maxResults=50',
  );
  const projectItems = records(projects.body, 'values')
    .map((p) => {
      const key = readString(p, 'key') ?? '';
      return `<li><a href="/project/${encodeURIComponent(key)}">${escapeHtml(readString(p, 'name') ?? key)} (${escapeHtml(key)})</a></li>`;
    })
    .join('');
  const epics = await issueLinks(deps, session, 'issuetype = Epic ORDER BY key ASC');
  const others = await issueLinks(deps, session, 'issuetype != Epic ORDER BY key ASC');
  const tour = (deps.target.tour ?? [])
    .map((stop) => {
      const as = stop.asUser ? ` <small>(as ${escapeHtml(stop.asUser)})</small>` : '';
      return `<li><a href="${escapeHtml(tourHref(stop))}">${escapeHtml(stop.label)}</a>${as}</li>`;
    })
    .join('');
  const body = `
    ${tour ? `<h2>Where to look first</h2><ul data-testid="demo-tour">${tour}</ul>` : ''}
    <h2>Project pages</h2><ul>${projectItems || '<li>No project you can browse.</li>'}</ul>
    <h2>Issues</h2><ul>${epics}${others}</ul>
    <h2>Everywhere else</h2>
    <ul><li><a href="/dashboard">Dashboard with the CPO gadget</a></li><li><a href="/admin">MetaScrum settings (admin page)</a></li></ul>`;
  return page(deps, session, '/', 'MetaScrum preview', body);
}

function noAccess(deps: PageDeps, session: Session, path: string, what: string, status: number): Page {
  const body = `<p class="notice" data-testid="host-no-access">You can't view ${escapeHtml(what)} (Jira answered ${status}).
    It may not exist, or ${escapeHtml(session.user.displayName)} lacks the Browse projects permission.</p>`;
  return page(deps, session, path, 'No access', body, status === 404 ? 404 : 403);
}

/** The project page's subpages by route (manifest.yml `pages`; Jira lists them under the app's tab). */
export const PROJECT_SUBPAGES = {
  '': { title: 'MetaScrum', frame: 'MetaScrum project page' },
  impediments: { title: 'Impediment backlogs', frame: 'MetaScrum impediment backlogs' },
  'scrum-of-scrums': { title: 'Scrum of Scrums', frame: 'MetaScrum Scrum of Scrums board' },
} as const;
export type ProjectSubpage = keyof typeof PROJECT_SUBPAGES;

function projectTabs(key: string, current: ProjectSubpage): string {
  const links = Object.entries(PROJECT_SUBPAGES).map(([sub, { title }]) => {
    const href = `/project/${encodeURIComponent(key)}${sub ? `/${sub}` : ''}`;
    const here = sub === current ? ' aria-current="page"' : '';
    return `<a href="${href}"${here}>${escapeHtml(title)}</a>`;
  });
  return `<nav aria-label="Project pages" data-testid="project-tabs">${links.join(' · ')}</nav>`;
}

export async function projectPage(
  deps: PageDeps,
  session: Session,
  key: string,
  subpage: ProjectSubpage = '',
): Promise<Page> {
  const path = subpage ? `/project/${key}/${subpage}` : `/project/${key}`;
  const reply = await deps.target.getAsUser(
    session.user.accountId,
    `/rest/api/3/project/${encodeURIComponent(key)}`,
  );
  const id = readString(reply.body, 'id');
  if (reply.status !== 200 || !id) return noAccess(deps, session, path, `project ${key}`, reply.status);
  const type = readString(reply.body, 'projectTypeKey') ?? 'software';
  const { title, frame: frameTitle } = PROJECT_SUBPAGES[subpage];
  const frame = deps.frames.open(
    session.user.accountId,
    { type: 'jira:projectPage', project: { id, key, type } },
    session.colorMode,
    subpage,
  );
  const name = readString(reply.body, 'name') ?? key;
  const body = `${projectTabs(key, subpage)}${customUiFrame(frame, frameTitle)}`;
  return page(deps, session, path, `${name}: ${title}`, body);
}

export async function issuePage(deps: PageDeps, session: Session, key: string): Promise<Page> {
  const path = `/issue/${key}`;
  const route = `/rest/api/3/issue/${encodeURIComponent(key)}?fields=summary,status,issuetype,project,parent`;
  const reply = await deps.target.getAsUser(session.user.accountId, route);
  const id = readString(reply.body, 'id');
  const fields = field(reply.body, 'fields');
  const projectId = readString(field(fields, 'project'), 'id');
  const projectKey = readString(field(fields, 'project'), 'key');
  if (reply.status !== 200 || !id || !projectId || !projectKey)
    return noAccess(deps, session, path, `issue ${key}`, reply.status);
  const issueType = readString(field(fields, 'issuetype'), 'name') ?? '';
  const project = { id: projectId, key: projectKey, type: 'software' };
  const frame = deps.frames.open(
    session.user.accountId,
    { type: 'jira:issueContext', issue: { id, key, type: issueType }, project },
    session.colorMode,
  );
  const parentKey = readString(field(fields, 'parent'), 'key');
  const body = `
    <p data-testid="issue-summary">${escapeHtml(readString(fields, 'summary') ?? '')}</p>
    <dl class="fields">
      <dt>Type</dt><dd>${escapeHtml(issueType)}</dd>
      <dt>Status</dt><dd>${escapeHtml(readString(field(fields, 'status'), 'name') ?? '')}</dd>
      <dt>Project</dt><dd><a href="/project/${encodeURIComponent(projectKey)}">${escapeHtml(projectKey)}</a></dd>
      ${parentKey ? `<dt>Parent</dt><dd><a href="/issue/${encodeURIComponent(parentKey)}">${escapeHtml(parentKey)}</a></dd>` : ''}
    </dl>
    <section class="panel" aria-label="Dependencies"><h2>Dependencies</h2>${customUiFrame(frame, 'MetaScrum dependencies')}</section>`;
  return page(deps, session, path, key, body);
}

export function dashboardPage(deps: PageDeps, session: Session, editing: boolean): Page {
  const gadgetConfiguration = deps.gadgetConfigs.get(session.user.accountId) ?? {};
  const extension = editing
    ? { type: 'jira:dashboardGadget' as const, gadgetConfiguration, entryPoint: 'edit' as const }
    : { type: 'jira:dashboardGadget' as const, gadgetConfiguration };
  const frame = deps.frames.open(session.user.accountId, extension, session.colorMode);
  const toggle = editing
    ? '<a href="/dashboard">Cancel editing</a>'
    : '<a href="/dashboard?edit=1">Edit gadget</a>';
  const body = `<section class="panel" aria-label="MetaScrum CPO overview gadget">
    <p>${toggle}</p>${customUiFrame(frame, 'MetaScrum CPO overview', '/dashboard')}</section>`;
  return page(deps, session, editing ? '/dashboard?edit=1' : '/dashboard', 'Dashboard', body);
}

export function adminPage(deps: PageDeps, session: Session): Page {
  const frame = deps.frames.open(session.user.accountId, { type: 'jira:adminPage' }, session.colorMode);
  return page(
    deps,
    session,
    '/admin',
    'Apps: MetaScrum settings',
    customUiFrame(frame, 'MetaScrum settings'),
  );
}

export function notFoundPage(deps: PageDeps, session: Session, path: string): Page {
  return page(
    deps,
    session,
    path,
    'Not found',
    `<p>No preview page at ${escapeHtml(path)}. <a href="/">Home</a></p>`,
    404,
  );
}
