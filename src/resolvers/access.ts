import { hasGlobalPermission } from '../jira/reads';
import type { JiraClient } from '../jira/client';
import { NotAllowed } from '../services/errors';
import { forgeJiraAccess, type JiraAccess } from '../services/jira-access';

/** Resolvers reach Jira through this seam, so tests and the preview can run them unchanged. */
export function jiraAccess(): JiraAccess {
  return forgeJiraAccess();
}

/** Admin-only resolvers call this first: only Jira administrators may change the program. */
export async function requireJiraAdmin(asUser: JiraClient): Promise<void> {
  if (!(await hasGlobalPermission(asUser, 'ADMINISTER'))) {
    throw new NotAllowed('Only Jira administrators can change MetaScrum settings.');
  }
}
