/** An issue known only from another issue's link (outside the input): key, summary, status, type. */
import { NO_HISTORY, NO_SPRINTS, type ProgramItem } from '../model/program-model';
import { projectKeyOf } from '../issue-key';
import { readIssueType, readStatus } from './issue-schema';
import { objectAt, stringAt } from './json-guards';
import { kindOf } from './normalise-issue';

export function externalItem(key: string, linkedFields: unknown, impedimentType: string): ProgramItem {
  const f = objectAt(linkedFields);
  const status = readStatus(f?.status);
  const issueType = readIssueType(f?.issuetype);
  const projectKey = projectKeyOf(key);
  return {
    key,
    summary: stringAt(f?.summary) ?? '',
    projectKey,
    team: projectKey,
    kind: kindOf(issueType?.name ?? '', issueType?.hierarchyLevel, issueType?.subtask, impedimentType),
    issueType: issueType?.name ?? 'Unknown',
    statusName: status?.name ?? 'Unknown',
    done: status?.categoryKey === 'done',
    parentKey: undefined,
    epicKey: undefined,
    points: undefined,
    rank: undefined,
    sprintIds: NO_SPRINTS,
    createdMs: undefined,
    resolvedMs: undefined,
    hasDescription: false,
    hasAcceptanceCriteria: false,
    wsjf: undefined,
    escalationLevel: undefined,
    escalationHistory: NO_HISTORY,
    external: true,
  };
}
