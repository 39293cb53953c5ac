/**
 * Transitions (a three-status workflow: To Do, In Progress, Done), the issue notification e-mail and
 * the user lookup: the calls the escalation ladder makes besides properties and comments.
 */
import { z } from 'zod';
import { holdsPermission } from '../access/caller';
import { JiraError, jiraErrors } from '../http/jira-error';
import { parseInput } from '../http/parse-body';
import { noContent, ok, type Route } from '../http/router';
import { issueFacts, jiraTimestamp } from '../state/stored-issue';
import { userDetails } from './identity-routes';
import { visibleIssue } from './visible-issue';
import { APP_ACCOUNT_ID } from '../access/caller';

const STATUSES = [
  {
    transitionId: '11',
    name: 'To Do',
    id: '10000',
    category: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  },
  {
    transitionId: '21',
    name: 'In Progress',
    id: '3',
    category: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  },
  {
    transitionId: '31',
    name: 'Done',
    id: '10001',
    category: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
  },
];

function statusBean(baseUrl: string, s: (typeof STATUSES)[number]) {
  return {
    self: `${baseUrl}/rest/api/3/status/${s.id}`,
    description: '',
    iconUrl: `${baseUrl}/images/icons/statuses/generic.png`,
    name: s.name,
    id: s.id,
    statusCategory: { self: `${baseUrl}/rest/api/3/statuscategory/${s.category.id}`, ...s.category },
  };
}

/** Every status but the current one: Jira's simplified workflow lets any status move to any other. */
function available(statusCategory: string) {
  return STATUSES.filter((s) => s.category.key !== statusCategory);
}

const TransitionInput = z.looseObject({ transition: z.looseObject({ id: z.string() }) });
const NotifyInput = z.looseObject({
  subject: z.string().optional(),
  textBody: z.string().optional(),
  htmlBody: z.string().optional(),
  to: z.looseObject({
    assignee: z.boolean().optional(),
    users: z.array(z.looseObject({ accountId: z.string() })).optional(),
    groups: z
      .array(z.looseObject({ name: z.string().optional(), groupId: z.string().optional() }))
      .optional(),
  }),
});

const AssigneeField = z.looseObject({ accountId: z.string() });

export const workflowRoutes: Route[] = [
  {
    method: 'GET',
    template: '/rest/api/3/issue/{issueIdOrKey}/transitions',
    handler: (ctx) => {
      const issue = visibleIssue(ctx, ctx.params.issueIdOrKey);
      const transitions = available(issueFacts.statusCategory(issue)).map((s) => ({
        id: s.transitionId,
        name: s.name,
        to: statusBean(ctx.baseUrl, s),
        hasScreen: false,
        isGlobal: true,
        isInitial: false,
        isAvailable: true,
        isConditional: false,
        isLooped: false,
      }));
      return ok({ transitions });
    },
  },
  {
    method: 'POST',
    template: '/rest/api/3/issue/{issueIdOrKey}/transitions',
    handler: (ctx) => {
      const issue = visibleIssue(ctx, ctx.params.issueIdOrKey);
      // Jira answers 400 when the user may see the issue but not transition it (its spec says so).
      if (!holdsPermission(ctx.caller, 'TRANSITION_ISSUES', issue.projectKey)) {
        throw jiraErrors.badRequest('You do not have permission to transition this issue.');
      }
      const { transition } = parseInput(TransitionInput, ctx.body);
      const target = available(issueFacts.statusCategory(issue)).find(
        (s) => s.transitionId === transition.id,
      );
      if (!target)
        throw new JiraError(400, [`Transition id '${transition.id}' is not valid for this issue.`]);
      const now = jiraTimestamp(ctx.state.now());
      issue.fields.status = statusBean(ctx.baseUrl, target);
      issue.fields.resolutiondate = target.category.key === 'done' ? now : null;
      issue.fields.updated = now;
      return noContent();
    },
  },
  {
    method: 'POST',
    template: '/rest/api/3/issue/{issueIdOrKey}/notify',
    handler: (ctx) => {
      const issue = visibleIssue(ctx, ctx.params.issueIdOrKey);
      const input = parseInput(NotifyInput, ctx.body);
      const users = (input.to.users ?? []).map((u) => u.accountId);
      // `assignee: true` mails the issue's assignee, if it has one.
      const assignee = AssigneeField.safeParse(issue.fields.assignee);
      if (input.to.assignee === true && assignee.success) users.push(assignee.data.accountId);
      // A group by id or by name; the record keeps its name (what a test reads), or the id if unknown.
      const groups = (input.to.groups ?? []).flatMap((g) => {
        const known = ctx.state.groups.find((x) => x.groupId === g.groupId || x.name === g.name);
        const label = known?.name ?? g.name ?? g.groupId;
        return label === undefined ? [] : [label];
      });
      if (users.length + groups.length === 0)
        throw jiraErrors.badRequest('The notification has no recipients.');
      ctx.state.notifications.push({ issueKey: issue.key, subject: input.subject ?? '', users, groups });
      return noContent();
    },
  },
  {
    method: 'GET',
    template: '/rest/api/3/user',
    handler: (ctx) => {
      const accountId = ctx.query.accountId ?? '';
      if (accountId !== APP_ACCOUNT_ID && !ctx.state.users.some((u) => u.accountId === accountId)) {
        throw jiraErrors.notFound('Specified user does not exist or you do not have required permissions');
      }
      return ok({ ...userDetails(ctx.baseUrl, accountId, ctx.state.users), locale: 'en_US' });
    },
  },
  {
    method: 'POST',
    template: '/rest/api/3/screens/addToDefault/{fieldId}',
    handler: (ctx) => {
      if (ctx.caller.kind === 'user' && !ctx.caller.user.admin) {
        throw jiraErrors.forbidden('Only Jira administrators can change screens.');
      }
      const fieldId = ctx.params.fieldId ?? '';
      if (!ctx.state.fields.some((f) => f.id === fieldId))
        throw jiraErrors.notFound(`The field ${fieldId} does not exist.`);
      if (ctx.state.defaultScreenFields.has(fieldId)) {
        throw jiraErrors.badRequest(`The field ${fieldId} is already on the default screen.`);
      }
      ctx.state.defaultScreenFields.add(fieldId);
      return ok({});
    },
  },
];
