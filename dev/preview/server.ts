/** The preview's HTTP router: pages, the Custom UI assets, and the bridge endpoints. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleInvoke, handleSubmit, type ApiDeps } from './api-routes';
import { send, sendAppIndex, sendDistFile, tokenThemeCss } from './app-assets';
import { BRIDGE_SCRIPT } from './bridge-script';
import {
  adminPage,
  dashboardPage,
  homePage,
  issuePage,
  notFoundPage,
  PROJECT_SUBPAGES,
  projectPage,
  type Page,
  type PageDeps,
} from './pages';
import { cookieHeader, safeBackPath, sessionOf, THEME_COOKIE, USER_COOKIE } from './session';

export type ServerDeps = PageDeps & ApiDeps;

const KEY = '([A-Z][A-Z0-9_]*)';
const ISSUE_KEY = '([A-Z][A-Z0-9_]*-[0-9]+)';

function redirect(res: ServerResponse, location: string, cookies: string[] = []): void {
  res.writeHead(303, { location, 'set-cookie': cookies });
  res.end();
}

function switchSession(url: URL, res: ServerResponse, deps: ServerDeps): void {
  const cookies: string[] = [];
  const user = url.searchParams.get('user');
  if (user && deps.target.users.some((u) => u.accountId === user))
    cookies.push(cookieHeader(USER_COOKIE, user));
  const theme = url.searchParams.get('theme');
  if (theme === 'light' || theme === 'dark') cookies.push(cookieHeader(THEME_COOKIE, theme));
  redirect(res, safeBackPath(url.searchParams.get('back')), cookies);
}

const isSubpage = (sub: string): sub is keyof typeof PROJECT_SUBPAGES => Object.hasOwn(PROJECT_SUBPAGES, sub);

async function routePage(req: IncomingMessage, url: URL, deps: ServerDeps): Promise<Page> {
  const session = sessionOf(req, url, deps.target.users);
  const path = url.pathname;
  let match: RegExpExecArray | null;
  if (path === '/') return homePage(deps, session);
  if ((match = new RegExp(`^/project/${KEY}(?:/([a-z-]+))?$`).exec(path)) && match[1]) {
    const subpage = match[2] ?? '';
    if (isSubpage(subpage)) return projectPage(deps, session, match[1], subpage);
  }
  if ((match = new RegExp(`^/issue/${ISSUE_KEY}$`).exec(path)) && match[1])
    return issuePage(deps, session, match[1]);
  if (path === '/dashboard') return dashboardPage(deps, session, url.searchParams.get('edit') === '1');
  if (path === '/admin') return adminPage(deps, session);
  return notFoundPage(deps, session, path);
}

async function route(req: IncomingMessage, res: ServerResponse, deps: ServerDeps): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://preview.local');
  const path = url.pathname;
  if (req.method === 'POST' && path === '/__preview/invoke') return handleInvoke(req, res, deps);
  if (req.method === 'POST' && path === '/__preview/submit') return handleSubmit(req, res, deps);
  if (req.method !== 'GET') return send(res, 405, 'text/plain', 'method not allowed');
  if (path === '/__preview/bridge.js') return send(res, 200, 'text/javascript; charset=utf-8', BRIDGE_SCRIPT);
  if (path === '/__preview/theme.css') return send(res, 200, 'text/css; charset=utf-8', tokenThemeCss());
  if (path === '/__preview/switch') return switchSession(url, res, deps);
  if (path === '/app/index.html') {
    const frame = deps.frames.get(url.searchParams.get('frame'));
    return frame ? sendAppIndex(res, frame) : send(res, 410, 'text/plain', 'Unknown frame: reload the page.');
  }
  if (path.startsWith('/app/')) return sendDistFile(res, decodeURIComponent(path.slice('/app/'.length)));
  const browse = new RegExp(`^/browse/${ISSUE_KEY}$`).exec(path);
  if (browse?.[1]) return redirect(res, `/issue/${browse[1]}`);
  const page = await routePage(req, url, deps);
  send(res, page.status, 'text/html; charset=utf-8', page.html);
}

export function createPreviewServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    route(req, res, deps).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(JSON.stringify({ event: 'preview-request-failed', url: req.url, message }));
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `Preview host error: ${message}`);
      else res.end();
    });
  });
}
