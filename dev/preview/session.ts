/**
 * Who is looking and in which theme: kept in cookies (set by the switcher), overridable per request
 * with `?as=<accountId>` so a link or a test can open a page as someone without switching.
 */
import type { IncomingMessage } from 'node:http';
import type { ColorMode } from './frames';
import type { PreviewUser } from './jira-target';

export interface Session {
  user: PreviewUser;
  colorMode: ColorMode;
}

export const USER_COOKIE = 'metascrum_preview_user';
export const THEME_COOKIE = 'metascrum_preview_theme';

export function readCookies(req: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
  }
  return cookies;
}

/** The first user is the default: for the demo program that is the site admin. */
export function sessionOf(req: IncomingMessage, url: URL, users: PreviewUser[]): Session {
  const cookies = readCookies(req);
  const wanted = url.searchParams.get('as') ?? cookies.get(USER_COOKIE);
  const user = users.find((u) => u.accountId === wanted) ?? users[0];
  if (!user) throw new Error('The preview has no users to act as: the dataset lists none.');
  return { user, colorMode: cookies.get(THEME_COOKIE) === 'dark' ? 'dark' : 'light' };
}

export function cookieHeader(name: string, value: string): string {
  return `${name}=${encodeURIComponent(value)}; Path=/; SameSite=Lax; HttpOnly`;
}

/** Only same-site paths: the switcher's `back` must not turn the host into an open redirect. */
export function safeBackPath(back: string | null): string {
  return back && back.startsWith('/') && !back.startsWith('//') ? back : '/';
}
