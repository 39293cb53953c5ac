/**
 * Users and groups as a picker and a validator see them: find users, find groups, and look both up in
 * bulk. Jira answers these under the *Browse users and groups* global permission; a caller without it
 * gets what the spec says (empty searches, exact group names only).
 */
import { APP_ACCOUNT_ID, type Caller } from '../access/caller';
import type { DatasetGroup } from '../dataset/schema';
import { jiraErrors } from '../http/jira-error';
import { ok, type Route, type RouteContext } from '../http/router';
import { userDetails } from './identity-routes';
import { offsetPage } from './paging';

/**
 * Jira grants *Browse users and groups* to its users group by default; the demo's outsider, who may
 * browse no project, stands for a user outside it (an anonymous-like caller).
 */
function browsesPeople(caller: Caller): boolean {
  if (caller.kind === 'app') return true;
  const { user } = caller;
  return user.admin || user.browse === '*' || user.browse.length > 0;
}

/** The emulator joins a repeated parameter with commas (ids here never hold one). */
const listParam = (value: string | undefined) => (value ?? '').split(',').filter((v) => v !== '');

/** "matched against displayName and emailAddress ... can match the prefix of the attribute's value". */
function matchesUser(query: string, displayName: string, email: string): boolean {
  const q = query.toLowerCase();
  const words = displayName.toLowerCase().split(/[\s()]+/);
  return displayName.toLowerCase().startsWith(q) || words.some((w) => w.startsWith(q)) || email.startsWith(q);
}

function searchUsers(ctx: RouteContext) {
  const { query, accountId, property } = ctx.query;
  if (query === undefined && accountId === undefined && property === undefined)
    throw jiraErrors.badRequest('One of query, accountId or property is required.');
  if (query !== undefined && accountId !== undefined)
    throw jiraErrors.badRequest('The query and accountId parameters cannot be used together.');
  if (!browsesPeople(ctx.caller)) return ok([]);
  const found = ctx.state.users.filter(
    (u) =>
      u.active &&
      (accountId !== undefined
        ? u.accountId === accountId
        : query !== undefined && matchesUser(query, u.displayName, u.emailAddress.toLowerCase())),
  );
  const page = offsetPage(found, ctx.query, 50);
  return ok(page.values.map((u) => userDetails(ctx.baseUrl, u.accountId, ctx.state.users)));
}

function bulkUsers(ctx: RouteContext) {
  const ids = listParam(ctx.query.accountId);
  if (ids.length === 0) throw jiraErrors.badRequest('The accountId query parameter is required.');
  const known = ids.filter(
    (id, i) =>
      ids.indexOf(id) === i && (id === APP_ACCOUNT_ID || ctx.state.users.some((u) => u.accountId === id)),
  );
  const page = offsetPage(known, ctx.query, 10);
  return ok({ ...page, values: page.values.map((id) => userDetails(ctx.baseUrl, id, ctx.state.users)) });
}

const highlight = (name: string, query: string) => {
  const at = name.toLowerCase().indexOf(query.toLowerCase());
  if (query === '' || at < 0) return name;
  return `${name.slice(0, at)}<b>${name.slice(at, at + query.length)}</b>${name.slice(at + query.length)}`;
};

function pickGroups(ctx: RouteContext) {
  const query = ctx.query.query ?? '';
  const insensitive = ctx.query.caseInsensitive === 'true';
  const excluded = new Set([...listParam(ctx.query.exclude), ...listParam(ctx.query.excludeId)]);
  const contains = (name: string) =>
    insensitive ? name.toLowerCase().includes(query.toLowerCase()) : name.includes(query);
  const matching = ctx.state.groups
    .filter((g) => !excluded.has(g.name) && !excluded.has(g.groupId))
    .filter((g) => (browsesPeople(ctx.caller) ? contains(g.name) : g.name === query))
    .sort((a, b) => a.name.localeCompare(b.name));
  const max = Math.max(0, Number(ctx.query.maxResults ?? 20) || 20);
  const shown = matching.slice(0, max);
  return ok({
    header: `Showing ${shown.length} of ${matching.length} matching groups`,
    total: matching.length,
    groups: shown.map((g) => ({
      name: g.name,
      html: highlight(g.name, query),
      groupId: g.groupId,
      labels: [],
    })),
  });
}

function bulkGroups(ctx: RouteContext) {
  const ids = new Set(listParam(ctx.query.groupId));
  const names = new Set(listParam(ctx.query.groupName));
  const wanted = (g: DatasetGroup) =>
    (ids.size === 0 && names.size === 0) || ids.has(g.groupId) || names.has(g.name);
  const found = browsesPeople(ctx.caller) ? ctx.state.groups.filter(wanted) : [];
  const page = offsetPage(found, ctx.query, 50);
  return ok({ ...page, values: page.values.map((g) => ({ groupId: g.groupId, name: g.name })) });
}

export const peopleRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/user/search', handler: searchUsers },
  { method: 'GET', template: '/rest/api/3/user/bulk', handler: bulkUsers },
  { method: 'GET', template: '/rest/api/3/groups/picker', handler: pickGroups },
  { method: 'GET', template: '/rest/api/3/group/bulk', handler: bulkGroups },
];
