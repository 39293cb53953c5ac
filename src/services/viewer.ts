import type { JiraClient } from '../jira/client';

/** Who a resolver answers: Jira as that user, their account (for the permission cache) and the time. */
export interface Viewer {
  asUser: JiraClient;
  accountId: string | undefined;
  now: number;
}
