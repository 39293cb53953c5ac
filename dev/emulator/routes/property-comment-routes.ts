import { z } from 'zod';
import { accountIdOf, holdsPermission } from '../access/caller';
import { jiraErrors } from '../http/jira-error';
import { parseInput } from '../http/parse-body';
import { noContent, ok, type Route } from '../http/router';
import { jiraTimestamp } from '../state/stored-issue';
import { userDetails } from './identity-routes';
import { editableIssue, visibleIssue } from './visible-issue';

/** Jira limits an entity property value to 32 KB of JSON. */
const MAX_PROPERTY_BYTES = 32768;

const CommentInput = z.looseObject({ body: z.unknown() });

export const propertyCommentRoutes: Route[] = [
  {
    method: 'GET',
    template: '/rest/api/3/issue/{issueIdOrKey}/properties',
    handler: (ctx) => {
      const issue = visibleIssue(ctx, ctx.params.issueIdOrKey);
      const self = (key: string) =>
        `${ctx.baseUrl}/rest/api/3/issue/${issue.id}/properties/${encodeURIComponent(key)}`;
      return ok({ keys: [...issue.properties.keys()].map((key) => ({ self: self(key), key })) });
    },
  },
  {
    method: 'GET',
    template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    handler: (ctx) => {
      const issue = visibleIssue(ctx, ctx.params.issueIdOrKey);
      const key = ctx.params.propertyKey ?? '';
      if (!issue.properties.has(key))
        throw jiraErrors.notFound(`The property with key '${key}' does not exist.`);
      return ok({ key, value: issue.properties.get(key) });
    },
  },
  {
    method: 'PUT',
    template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    handler: (ctx) => {
      const issue = editableIssue(ctx, ctx.params.issueIdOrKey);
      const key = ctx.params.propertyKey ?? '';
      if (ctx.body === undefined) throw jiraErrors.badRequest('The property value must be valid JSON.');
      if (Buffer.byteLength(JSON.stringify(ctx.body)) > MAX_PROPERTY_BYTES) {
        throw jiraErrors.badRequest(
          'The property value is too long. It must not be longer than 32768 characters.',
        );
      }
      const existed = issue.properties.has(key);
      issue.properties.set(key, ctx.body);
      return { status: existed ? 200 : 201 };
    },
  },
  {
    method: 'DELETE',
    template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    handler: (ctx) => {
      const issue = editableIssue(ctx, ctx.params.issueIdOrKey);
      const key = ctx.params.propertyKey ?? '';
      if (!issue.properties.delete(key))
        throw jiraErrors.notFound(`The property with key '${key}' does not exist.`);
      return noContent();
    },
  },
  {
    method: 'GET',
    template: '/rest/api/3/issue/{issueIdOrKey}/comment',
    handler: (ctx) => {
      const issue = visibleIssue(ctx, ctx.params.issueIdOrKey);
      const startAt = Number(ctx.query.startAt ?? 0);
      const maxResults = Math.min(Number(ctx.query.maxResults ?? 5000), 5000);
      const page = issue.comments.slice(startAt, startAt + maxResults);
      const comments = page.map((c) => renderComment(ctx.baseUrl, issue.id, c, ctx.state.users));
      return ok({ startAt, maxResults, total: issue.comments.length, comments });
    },
  },
  {
    method: 'POST',
    template: '/rest/api/3/issue/{issueIdOrKey}/comment',
    handler: (ctx) => {
      const issue = visibleIssue(ctx, ctx.params.issueIdOrKey);
      if (!holdsPermission(ctx.caller, 'ADD_COMMENTS', issue.projectKey)) {
        throw jiraErrors.badRequest('You do not have the permission to comment on this issue.');
      }
      const { body } = parseInput(CommentInput, ctx.body);
      if (body === undefined) throw jiraErrors.fieldError('comment', 'Comment body can not be empty!');
      const comment = {
        id: ctx.state.nextId(),
        authorAccountId: accountIdOf(ctx.caller),
        body,
        created: jiraTimestamp(ctx.state.now()),
      };
      issue.comments.push(comment);
      return ok(renderComment(ctx.baseUrl, issue.id, comment, ctx.state.users), 201);
    },
  },
];

function renderComment(
  baseUrl: string,
  issueId: string,
  c: { id: string; authorAccountId: string; body: unknown; created: string },
  users: Parameters<typeof userDetails>[2],
) {
  const author = userDetails(baseUrl, c.authorAccountId, users);
  return {
    self: `${baseUrl}/rest/api/3/issue/${issueId}/comment/${c.id}`,
    id: c.id,
    author,
    body: c.body,
    updateAuthor: author,
    created: c.created,
    updated: c.created,
    jsdPublic: true,
  };
}
