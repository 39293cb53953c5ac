import { JiraClient } from '../jira/client';
import { forgeTransport } from '../jira/forge-transport';

/** The two ways the app reaches Jira: as the invoking user (their permissions) and as the app. */
export interface JiraAccess {
  asUser: JiraClient;
  asApp: JiraClient;
}

export function forgeJiraAccess(): JiraAccess {
  return { asUser: new JiraClient(forgeTransport('user')), asApp: new JiraClient(forgeTransport('app')) };
}
