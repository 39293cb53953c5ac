/**
 * Before the app acts in Jira on a user's behalf (a transition, a comment, a field, a rank), it asks
 * Jira, as that user, for the permissions the action needs, so the app never does what Jira would
 * refuse the user. Everything is checked before anything is written: a refusal leaves nothing half done.
 */
import type { JiraClient } from '../jira/client';
import { issuePermissions, type IssuePermission } from '../jira/permissions';
import { MissingPermission } from './errors';

export const PERMISSION_LABELS: Record<IssuePermission, string> = {
  BROWSE_PROJECTS: 'Browse projects',
  EDIT_ISSUES: 'Edit issues',
  TRANSITION_ISSUES: 'Transition issues',
  ADD_COMMENTS: 'Add comments',
  SCHEDULE_ISSUES: 'Schedule issues',
  CREATE_ISSUES: 'Create issues',
  LINK_ISSUES: 'Link issues',
};

export interface ActedIssue {
  id: string;
  key: string;
}

/** Throws {@link MissingPermission} naming the first permission and issue the user lacks; else returns. */
export async function requirePermissions(
  asUser: JiraClient,
  needs: readonly IssuePermission[],
  issues: readonly ActedIssue[],
  action: string,
): Promise<void> {
  if (issues.length === 0 || needs.length === 0) return;
  const held = await issuePermissions(
    asUser,
    needs,
    issues.map((i) => i.id),
  );
  for (const permission of needs) {
    const missing = issues.find((i) => !held.get(permission)?.has(i.id));
    if (missing) {
      throw new MissingPermission(
        permission,
        missing.key,
        `You need the ${PERMISSION_LABELS[permission]} permission on ${missing.key} to ${action}; nothing was changed.`,
      );
    }
  }
}
