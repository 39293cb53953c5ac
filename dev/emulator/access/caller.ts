import type { DatasetUser } from '../dataset/schema';
import type { EmulatorState } from '../state/emulator-state';

/** Who is calling: the app (asApp, sees everything) or a user of the dataset. */
export type Caller = { kind: 'app' } | { kind: 'user'; user: DatasetUser };

export const APP_ACCOUNT_ID = '557058:metascrum-app';

/**
 * `Bearer app` = the app, `Bearer user:<accountId>` = that user (how the Forge double emulates
 * asUser), `Basic base64(email:apiToken)` = a site API token. Anything else: no caller (401).
 */
export function callerFrom(authorization: string | undefined, state: EmulatorState): Caller | undefined {
  if (authorization === undefined) return undefined;
  const [scheme, credential = ''] = authorization.trim().split(/\s+/, 2);
  if (scheme?.toLowerCase() === 'bearer') {
    if (credential === 'app') return { kind: 'app' };
    if (!credential.startsWith('user:')) return undefined;
    const user = state.users.find((u) => u.accountId === credential.slice('user:'.length));
    return user?.active ? { kind: 'user', user } : undefined;
  }
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(credential, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    const email = decoded.slice(0, colon);
    const token = decoded.slice(colon + 1);
    const user = state.users.find((u) => u.emailAddress.toLowerCase() === email.toLowerCase());
    return user?.active && token === (user.apiToken ?? 'token') ? { kind: 'user', user } : undefined;
  }
  return undefined;
}

function grants(list: '*' | string[] | undefined, projectKey: string): boolean {
  return list === '*' || (list?.includes(projectKey) ?? false);
}

export function canBrowse(caller: Caller, projectKey: string): boolean {
  return caller.kind === 'app' || grants(caller.user.browse, projectKey);
}

/**
 * Jira's issue security: an issue with a security level is seen only by members of that level, even by
 * users who browse its project. The app sees every level (the demo's admin set it up so).
 */
export function canSeeIssue(caller: Caller, issue: { projectKey: string; fields: Record<string, unknown> }) {
  if (!canBrowse(caller, issue.projectKey)) return false;
  const level = securityLevelIdOf(issue.fields);
  return level === undefined || caller.kind === 'app' || (caller.user.securityLevels ?? []).includes(level);
}

function securityLevelIdOf(fields: Record<string, unknown>): string | undefined {
  const security = fields.security;
  if (typeof security !== 'object' || security === null) return undefined;
  const id: unknown = Reflect.get(security, 'id');
  return typeof id === 'string' ? id : undefined;
}

/** Edit defaults to browse: users who can see a team's issues usually work on them. */
export function canEdit(caller: Caller, projectKey: string): boolean {
  if (caller.kind === 'app') return true;
  return canBrowse(caller, projectKey) && grants(caller.user.edit ?? caller.user.browse, projectKey);
}

export function isAdmin(caller: Caller): boolean {
  return caller.kind === 'app' || caller.user.admin;
}

export function accountIdOf(caller: Caller): string {
  return caller.kind === 'app' ? APP_ACCOUNT_ID : caller.user.accountId;
}

export function browsableProjects(caller: Caller, state: EmulatorState) {
  return state.projects.filter((p) => canBrowse(caller, p.key));
}
