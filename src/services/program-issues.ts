/** Reads the program's issues that the caller can see, in Jira rank order, as domain work items. */
import type { JiraClient } from '../jira/client';
import { projectIn } from '../jira/jql';
import { ISSUE_REF_FIELDS } from '../jira/reads';
import { searchIssues } from '../jira/search';
import { toWorkItem, type WorkItem } from '../domain/work-item';

const PROGRAM_FIELDS = [...ISSUE_REF_FIELDS, 'parent', 'issuelinks'];

export async function loadProgramItems(
  client: JiraClient,
  projectKeys: readonly string[],
): Promise<WorkItem[]> {
  if (projectKeys.length === 0) return [];
  const issues = await searchIssues(client, `${projectIn(projectKeys)} ORDER BY Rank ASC`, PROGRAM_FIELDS);
  return issues.map(toWorkItem);
}
