import { canEdit, canSeeIssue } from '../access/caller';
import { jiraErrors } from '../http/jira-error';
import type { RouteContext } from '../http/router';
import type { StoredIssue } from '../state/stored-issue';

/** The issue if the caller may browse it; Jira answers 404 for hidden and missing issues alike. */
export function visibleIssue(ctx: RouteContext, keyOrId: string | undefined): StoredIssue {
  const issue = keyOrId === undefined ? undefined : ctx.state.issueByKeyOrId(keyOrId);
  if (!issue || !canSeeIssue(ctx.caller, issue)) throw jiraErrors.issueNotFound();
  return issue;
}

export function editableIssue(ctx: RouteContext, keyOrId: string | undefined): StoredIssue {
  const issue = visibleIssue(ctx, keyOrId);
  if (!canEdit(ctx.caller, issue.projectKey)) {
    throw jiraErrors.forbidden('You do not have permission to edit issues in this project.');
  }
  return issue;
}
