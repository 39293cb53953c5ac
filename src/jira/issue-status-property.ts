/**
 * The status Jira shows next to the collapsed title of the issue-context panel. Jira reads it from an
 * issue property named `com.atlassian.jira.issue:<appId>:<moduleKey>:status` (the mechanism issue
 * glances used), where `<appId>` is the app's UUID: the last segment of its ARI
 * `ari:cloud:ecosystem::app/<uuid>`. The app writes it as the app, so it needs no user's edit right.
 */
import { getAppContext } from '@forge/api';
import type { JiraClient } from './client';
import { JiraNotFound } from './errors';
import { jiraPath } from './transport';

/** The issue-context module whose collapsed title shows the badge (manifest.yml). */
export const DEPENDENCIES_PANEL_KEY = 'metascrum-dependencies';

export function statusPropertyKey(appId: string, moduleKey = DEPENDENCIES_PANEL_KEY): string {
  return `com.atlassian.jira.issue:${appId}:${moduleKey}:status`;
}

/** The running app's UUID, from the app ARI the Forge runtime gives. */
export function currentAppId(): string {
  const ari = getAppContext().appAri.toString();
  return ari.slice(ari.lastIndexOf('/') + 1);
}

export function statusBadgeValue(count: number) {
  return { type: 'badge', value: { label: String(count) } } as const;
}

export async function putStatusBadge(
  client: JiraClient,
  issueKey: string,
  propertyKey: string,
  count: number,
): Promise<void> {
  await client.sendWithoutReply({
    method: 'PUT',
    path: jiraPath`/rest/api/3/issue/${issueKey}/properties/${propertyKey}`,
    body: statusBadgeValue(count),
  });
}

/** Removes the badge; a property that is already gone (404) is what we wanted. */
export async function deleteStatusBadge(
  client: JiraClient,
  issueKey: string,
  propertyKey: string,
): Promise<void> {
  try {
    await client.sendWithoutReply({
      method: 'DELETE',
      path: jiraPath`/rest/api/3/issue/${issueKey}/properties/${propertyKey}`,
    });
  } catch (error) {
    if (!(error instanceof JiraNotFound)) throw error;
  }
}
