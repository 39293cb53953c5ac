/**
 * Jira's issue notification (`POST /rest/api/3/issue/{issueIdOrKey}/notify`) to the issue's assignee:
 * Jira looks the assignee up itself, so the app needs no account ids and an unassigned issue simply
 * mails nobody.
 */
import type { JiraClient } from './client';
import { jiraPath } from './transport';

/** Jira caps a notification's subject; longer ones are refused. */
const SUBJECT_MAX = 255;

export function notifyAssignee(client: JiraClient, issueKey: string, subject: string, text: string) {
  return client.sendWithoutReply({
    method: 'POST',
    path: jiraPath`/rest/api/3/issue/${issueKey}/notify`,
    body: { subject: subject.slice(0, SUBJECT_MAX), textBody: text, to: { assignee: true } },
  });
}
