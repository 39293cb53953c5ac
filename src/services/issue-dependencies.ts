/**
 * An issue's dependencies, read as the user: Jira leaves out links to issues the user cannot browse,
 * so nothing hidden can appear here.
 */
import type { JiraClient } from '../jira/client';
import { getIssue, ISSUE_REF_FIELDS } from '../jira/reads';
import { countNonDependencyLinks, toWorkItem } from '../domain/work-item';
import type { IssueDependencies } from '../shared/contract';
import { toIssueRef } from './issue-ref';

export async function issueDependencies(asUser: JiraClient, issueKey: string): Promise<IssueDependencies> {
  const issue = await getIssue(asUser, issueKey, [...ISSUE_REF_FIELDS, 'issuelinks']);
  const item = toWorkItem(issue);
  return {
    issue: toIssueRef(item),
    dependencies: item.dependencies.map((d) => ({
      direction: d.direction,
      linkType: d.linkType,
      phrase: d.phrase,
      issue: toIssueRef(d.other),
      crossTeam: d.other.projectKey !== item.projectKey,
    })),
    otherLinkCount: countNonDependencyLinks(issue),
  };
}
