/**
 * Reads one impediment as the user: Jira answers 404 for an issue they may not browse (reported as
 * NOT_FOUND, like one that does not exist), and tells whether they may edit it.
 */
import type { JiraClient } from '../../jira/client';
import { canEditIssue } from '../../jira/impediment-requests';
import { getIssueProperty } from '../../jira/impediment-requests';
import { getIssue } from '../../jira/reads';
import type { ImpedimentIssue } from '../../jira/impediment-search';
import { fieldsFor, impedimentFacts, issueTypeName } from './impediment-facts';
import type { ImpedimentSettings } from './impediment-context';

export interface LoadedImpediment {
  issueId: string;
  issue: ImpedimentIssue;
  isImpediment: boolean;
  typeName: string;
}

export async function loadIssueAsUser(
  asUser: JiraClient,
  issueKey: string,
  settings: ImpedimentSettings,
): Promise<LoadedImpediment> {
  const issue = await getIssue(asUser, issueKey, fieldsFor(settings));
  const raw: ImpedimentIssue = { id: issue.id, key: issue.key, fields: { ...issue.fields } };
  const typeName = issueTypeName(raw) ?? 'Unknown';
  const isImpediment = typeName.toLowerCase() === settings.issueType.toLowerCase();
  if (isImpediment) {
    raw.properties = {
      [settings.historyProperty]: await getIssueProperty(asUser, issueKey, settings.historyProperty),
    };
  }
  return { issueId: issue.id, issue: raw, isImpediment, typeName };
}

export async function factsAndEditRight(
  asUser: JiraClient,
  loaded: LoadedImpediment,
  settings: ImpedimentSettings,
) {
  const canEdit = await canEditIssue(asUser, loaded.issueId);
  return { facts: impedimentFacts(loaded.issue, settings), canEdit };
}
