import { z } from 'zod';
import { canEdit } from '../access/caller';
import { jiraErrors } from '../http/jira-error';
import { parseInput } from '../http/parse-body';
import { ok, type Route } from '../http/router';
import { visibleIssue } from './visible-issue';

const IssueRef = z.looseObject({ key: z.string().optional(), id: z.string().optional() });
const LinkInput = z.looseObject({
  type: z.looseObject({ name: z.string().optional(), id: z.string().optional() }),
  inwardIssue: IssueRef,
  outwardIssue: IssueRef,
});

export const linkRoutes: Route[] = [
  {
    method: 'GET',
    template: '/rest/api/3/issueLinkType',
    handler: (ctx) =>
      ok({
        issueLinkTypes: ctx.state.linkTypes.map(({ id, name, inward, outward }) => ({
          id,
          name,
          inward,
          outward,
          self: `${ctx.baseUrl}/rest/api/3/issueLinkType/${id}`,
        })),
      }),
  },
  {
    /**
     * Jira's create call reads the other way round from the issue view: the `inwardIssue` is the
     * source ("inwardIssue blocks outwardIssue"), shown on it as an `outwardIssue` link.
     */
    method: 'POST',
    template: '/rest/api/3/issueLink',
    handler: (ctx) => {
      const input = parseInput(LinkInput, ctx.body);
      const type = ctx.state.linkTypes.find((t) => t.id === input.type.id || t.name === input.type.name);
      if (!type)
        throw jiraErrors.notFound(
          `No issue link type with name '${input.type.name ?? input.type.id ?? ''}' found.`,
        );
      const from = visibleIssue(ctx, input.inwardIssue.key ?? input.inwardIssue.id);
      const to = visibleIssue(ctx, input.outwardIssue.key ?? input.outwardIssue.id);
      if (!canEdit(ctx.caller, from.projectKey))
        throw jiraErrors.notFound('You do not have the permission to link issues.');
      const duplicate = [...ctx.state.links.values()].some(
        (l) => l.typeId === type.id && l.fromId === from.id && l.toId === to.id,
      );
      if (!duplicate)
        ctx.state.addLink({ id: ctx.state.nextId(), typeId: type.id, fromId: from.id, toId: to.id });
      return ok(undefined, 201);
    },
  },
];
