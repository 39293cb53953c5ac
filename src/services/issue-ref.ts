import type { IssueRef } from '../shared/contract';
import type { WorkItem } from '../domain/work-item';

/** The contract's view of a work item: only what the UI shows, nothing the user did not ask for. */
export function toIssueRef(item: Omit<WorkItem, 'dependencies' | 'parentKey' | 'hierarchyLevel'>): IssueRef {
  return {
    key: item.key,
    summary: item.summary,
    statusName: item.statusName,
    statusCategory: item.statusCategory,
    projectKey: item.projectKey,
    issueType: item.issueType,
  };
}
