import { z } from 'zod';
import { APP_ACCOUNT_ID, canBrowse, canEdit, canSeeIssue, isAdmin, type Caller } from '../access/caller';
import type { DatasetUser } from '../dataset/schema';
import { jiraErrors } from '../http/jira-error';
import { parseInput } from '../http/parse-body';
import { ok, type Route, type RouteContext } from '../http/router';
import type { EmulatorState } from '../state/emulator-state';

const AVATARS = (id: string) => ({
  '48x48': `https://avatar.example.invalid/${id}/48`,
  '24x24': `https://avatar.example.invalid/${id}/24`,
  '16x16': `https://avatar.example.invalid/${id}/16`,
  '32x32': `https://avatar.example.invalid/${id}/32`,
});

/** A user as Jira embeds it in comments and `myself`; the app appears as an `app` account. */
export function userDetails(baseUrl: string, accountId: string, users: readonly DatasetUser[]) {
  const user = users.find((u) => u.accountId === accountId);
  return {
    self: `${baseUrl}/rest/api/3/user?accountId=${encodeURIComponent(accountId)}`,
    accountId,
    displayName: user?.displayName ?? (accountId === APP_ACCOUNT_ID ? 'MetaScrum for Jira' : accountId),
    active: user?.active ?? true,
    accountType: user ? 'atlassian' : 'app',
    avatarUrls: AVATARS(accountId),
    timeZone: 'Etc/UTC',
  };
}

/** Permission keys the emulator answers for, with Jira's ids; any other key gets Jira's 400. */
const PERMISSIONS: Record<string, { id: string; name: string; type: 'GLOBAL' | 'PROJECT' }> = {
  ADMINISTER: { id: '0', name: 'Administer Jira', type: 'GLOBAL' },
  BROWSE_PROJECTS: { id: '10', name: 'Browse Projects', type: 'PROJECT' },
  CREATE_ISSUES: { id: '11', name: 'Create Issues', type: 'PROJECT' },
  EDIT_ISSUES: { id: '12', name: 'Edit Issues', type: 'PROJECT' },
  ADD_COMMENTS: { id: '15', name: 'Add Comments', type: 'PROJECT' },
  LINK_ISSUES: { id: '21', name: 'Link Issues', type: 'PROJECT' },
  ADMINISTER_PROJECTS: { id: '23', name: 'Administer Projects', type: 'PROJECT' },
  SCHEDULE_ISSUES: { id: '28', name: 'Schedule Issues', type: 'PROJECT' },
  TRANSITION_ISSUES: { id: '46', name: 'Transition Issues', type: 'PROJECT' },
};

function holds(
  caller: Caller,
  permission: string,
  projectKey: string | undefined,
  state: EmulatorState,
): boolean {
  const spec = PERMISSIONS[permission];
  if (!spec) return false;
  if (spec.type === 'GLOBAL') return isAdmin(caller);
  const keys = projectKey === undefined ? state.projects.map((p) => p.key) : [projectKey];
  if (permission === 'BROWSE_PROJECTS') return keys.some((k) => canBrowse(caller, k));
  if (permission === 'ADMINISTER_PROJECTS') return isAdmin(caller) && keys.some((k) => canBrowse(caller, k));
  return keys.some((k) => canEdit(caller, k));
}

function myPermissions(ctx: RouteContext) {
  const requested = (ctx.query.permissions ?? '').split(',').filter((p) => p !== '');
  if (requested.length === 0) throw jiraErrors.badRequest('The permissions query parameter is required.');
  const unknown = requested.find((p) => !PERMISSIONS[p]);
  if (unknown) throw jiraErrors.badRequest(`Permissions [${unknown}] not found.`);
  let projectKey: string | undefined;
  const projectRef = ctx.query.projectKey ?? ctx.query.projectId;
  const issueRef = ctx.query.issueKey ?? ctx.query.issueId;
  if (projectRef !== undefined) {
    const project = ctx.state.projectByKeyOrId(projectRef);
    if (!project || !canBrowse(ctx.caller, project.key))
      throw jiraErrors.notFound(`No project could be found with key '${projectRef}'.`);
    projectKey = project.key;
  } else if (issueRef !== undefined) {
    const issue = ctx.state.issueByKeyOrId(issueRef);
    if (!issue || !canSeeIssue(ctx.caller, issue)) throw jiraErrors.issueNotFound();
    projectKey = issue.projectKey;
  }
  const permissions = Object.fromEntries(
    requested.map((key) => {
      const spec = PERMISSIONS[key] ?? { id: '', name: key, type: 'PROJECT' };
      return [
        key,
        {
          id: spec.id,
          key,
          name: spec.name,
          type: spec.type,
          description: spec.name,
          havePermission: holds(ctx.caller, key, projectKey, ctx.state),
        },
      ];
    }),
  );
  return ok({ permissions });
}

const BulkCheckInput = z.looseObject({
  accountId: z.string().optional(),
  globalPermissions: z.array(z.string()).default([]),
  projectPermissions: z
    .array(
      z.looseObject({
        permissions: z.array(z.string()),
        projects: z.array(z.number()).default([]),
        issues: z.array(z.number()).default([]),
      }),
    )
    .default([]),
});

function bulkCheck(ctx: RouteContext) {
  const input = parseInput(BulkCheckInput, ctx.body ?? {});
  // Jira's documented limit: "A maximum of 1000 projects and 1000 issues can be checked."
  const issues = input.projectPermissions.reduce((n, p) => n + p.issues.length, 0);
  const projects = input.projectPermissions.reduce((n, p) => n + p.projects.length, 0);
  if (issues > 1000 || projects > 1000) {
    throw jiraErrors.badRequest('A maximum of 1000 projects and 1000 issues can be checked.');
  }
  let subject = ctx.caller;
  if (input.accountId !== undefined) {
    if (!isAdmin(ctx.caller))
      throw jiraErrors.forbidden('You must be a Jira administrator to check another user.');
    const user = ctx.state.users.find((u) => u.accountId === input.accountId);
    if (!user) throw jiraErrors.badRequest(`No user found with accountId '${input.accountId}'.`);
    subject = { kind: 'user', user };
  }
  const projectPermissions = input.projectPermissions.flatMap((req) =>
    req.permissions.map((permission) => ({
      permission,
      projects: req.projects.filter((id) => {
        const project = ctx.state.projectByKeyOrId(String(id));
        return project !== undefined && holds(subject, permission, project.key, ctx.state);
      }),
      issues: req.issues.filter((id) => {
        const issue = ctx.state.issues.get(String(id));
        return (
          issue !== undefined &&
          canSeeIssue(subject, issue) &&
          holds(subject, permission, issue.projectKey, ctx.state)
        );
      }),
    })),
  );
  const globalPermissions = input.globalPermissions.filter((p) => holds(subject, p, undefined, ctx.state));
  return ok({ projectPermissions, globalPermissions });
}

export const identityRoutes: Route[] = [
  {
    method: 'GET',
    template: '/rest/api/3/myself',
    handler: (ctx) => {
      const accountId = ctx.caller.kind === 'app' ? APP_ACCOUNT_ID : ctx.caller.user.accountId;
      const details = userDetails(ctx.baseUrl, accountId, ctx.state.users);
      const email = ctx.caller.kind === 'user' ? { emailAddress: ctx.caller.user.emailAddress } : {};
      return ok({ ...details, ...email, locale: 'en_US' });
    },
  },
  { method: 'GET', template: '/rest/api/3/mypermissions', handler: myPermissions },
  { method: 'POST', template: '/rest/api/3/permissions/check', handler: bulkCheck },
];
