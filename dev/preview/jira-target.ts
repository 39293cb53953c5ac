/**
 * Which Jira the preview talks to: the emulator with the demo program (default), or a real site when
 * JIRA_SITE, JIRA_EMAIL and JIRA_API_TOKEN are set. The Forge double gets the same target, so resolvers
 * and the host's own issue view read the same Jira as the same user.
 */
import { demoProgram, startEmulator } from '../emulator';
import { demoTour, type TourStop } from './demo-tour';
import type { JiraTarget } from '../../test/doubles/forge-runtime';

export interface PreviewUser {
  accountId: string;
  displayName: string;
}

export interface JiraReply {
  status: number;
  body: unknown;
}

export interface PreviewTarget {
  siteName: string;
  jira: JiraTarget;
  users: PreviewUser[];
  /** The demo's telling places, linked from the home page (the emulator's demo only). */
  tour?: TourStop[];
  /** The emulator's demo program: the preview seeds the gadget's history by replaying it (demo-history.ts). */
  demo?: boolean;
  /** A GET as the given user (the emulator honours the user; a real site answers as the token's owner). */
  getAsUser(accountId: string, route: string): Promise<JiraReply>;
  close(): Promise<void>;
}

async function getJson(url: URL, authorization: string): Promise<JiraReply> {
  const response = await fetch(url, { headers: { authorization, accept: 'application/json' } });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (an HTML error page from a proxy): keep the text for the message.
  }
  return { status: response.status, body };
}

/** The emulator with the demo program built around `demoNowMs` (by default the moment the preview starts). */
export async function startEmulatorTarget(demoNowMs: number = Date.now()): Promise<PreviewTarget> {
  // With the long-lived site's teams, so the preview shows what real sites look like (issue 10).
  const dataset = demoProgram(new Date(demoNowMs).toISOString(), { legacySite: true });
  const emulator = await startEmulator({ dataset, port: 0 });
  return {
    siteName: 'MetaScrum demo (emulated Jira)',
    jira: { baseUrl: emulator.url },
    tour: demoTour(),
    demo: true,
    users: dataset.users
      .filter((user) => user.active)
      .map((user) => ({ accountId: user.accountId, displayName: user.displayName })),
    getAsUser: (accountId, route) => getJson(new URL(route, emulator.url), `Bearer user:${accountId}`),
    close: async () => {
      await emulator.close();
    },
  };
}

export async function startRealSiteTarget(
  site: string,
  email: string,
  apiToken: string,
): Promise<PreviewTarget> {
  const baseUrl = site.startsWith('http') ? site : `https://${site}`;
  const authorization = `Basic ${Buffer.from(`${email}:${apiToken}`).toString('base64')}`;
  const me = await getJson(new URL('/rest/api/3/myself', baseUrl), authorization);
  const accountId = readString(me.body, 'accountId');
  if (me.status !== 200 || !accountId) {
    throw new Error(
      `JIRA_SITE ${baseUrl} refused the API token (HTTP ${me.status}): check JIRA_EMAIL and JIRA_API_TOKEN`,
    );
  }
  return {
    siteName: new URL(baseUrl).host,
    jira: { baseUrl, basic: { email, apiToken } },
    // A site API token acts as one person only, so there is nobody to switch to.
    users: [{ accountId, displayName: readString(me.body, 'displayName') ?? email }],
    getAsUser: (_accountId, route) => getJson(new URL(route, baseUrl), authorization),
    close: () => Promise.resolve(),
  };
}

export function readString(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null || !(key in value)) return undefined;
  const field: unknown = Reflect.get(value, key);
  return typeof field === 'string' ? field : undefined;
}

export function targetFromEnvironment(env: NodeJS.ProcessEnv): Promise<PreviewTarget> {
  const { JIRA_SITE, JIRA_EMAIL, JIRA_API_TOKEN } = env;
  if (JIRA_SITE && JIRA_EMAIL && JIRA_API_TOKEN)
    return startRealSiteTarget(JIRA_SITE, JIRA_EMAIL, JIRA_API_TOKEN);
  return startEmulatorTarget();
}
