/**
 * One Jira issue -> one {@link ProgramItem}. Missing data is normal (DOMAIN.md): an issue without
 * `project` takes it from its key, an unknown status category counts as open, unestimated,
 * unscheduled and unparented issues are items like any other.
 */
import type { FieldMap } from '../config/field-map';
import type { ProgramConfig } from '../config/program-config';
import type { ItemKind, ProgramItem, ProgramSprint, WsjfInputs } from '../model/program-model';
import { projectKeyOf } from '../work-item';
import { hasHeading, hasText } from './adf-text';
import type { RawIssue } from './issue-schema';
import { fieldValue, readDateMs, readName, readNumber, readString } from './jira-values';
import { readSprintField } from './sprint-field';

export interface NormaliseContext {
  config: ProgramConfig;
  fieldMap: FieldMap;
  /** Projects of the program; empty = all. */
  programProjects: ReadonlySet<string>;
}

export function kindOf(
  issueType: { name: string; hierarchyLevel?: number | undefined; subtask?: boolean | undefined } | undefined,
  impedimentType: string,
): ItemKind {
  const name = issueType?.name ?? '';
  if (name.toLowerCase() === impedimentType.toLowerCase()) return 'impediment';
  const level = issueType?.hierarchyLevel;
  if (level !== undefined) return level >= 1 ? 'epic' : level < 0 ? 'subtask' : 'backlog';
  if (issueType?.subtask === true || /^sub-?task$/i.test(name)) return 'subtask';
  return name.toLowerCase() === 'epic' ? 'epic' : 'backlog';
}

function wsjfOf(fields: unknown, map: FieldMap): WsjfInputs | undefined {
  const inputs = {
    businessValue: readNumber(fieldValue(fields, map.businessValue)),
    timeCriticality: readNumber(fieldValue(fields, map.timeCriticality)),
    riskReduction: readNumber(fieldValue(fields, map.riskReduction)),
    jobSize: readNumber(fieldValue(fields, map.jobSize)),
  };
  return Object.values(inputs).every((v) => v === undefined) ? undefined : inputs;
}

/** Normalises a parsed issue; `rawFields` is the untouched `fields` object for custom fields. */
export function normaliseIssue(
  issue: RawIssue,
  rawFields: unknown,
  ctx: NormaliseContext,
): { item: ProgramItem; sprints: ProgramSprint[] } {
  const f = issue.fields;
  const map = ctx.fieldMap;
  const projectKey = f.project?.key ?? projectKeyOf(issue.key);
  const kind = kindOf(f.issuetype, ctx.config.impediments.issueType);
  const sprints = readSprintField(fieldValue(rawFields, map.sprint));
  const description: unknown = fieldValue(rawFields, 'description');
  const acField = fieldValue(rawFields, map.acceptanceCriteria);
  const external = ctx.programProjects.size > 0 && !ctx.programProjects.has(projectKey);
  const team = ctx.config.teams.by === 'project' ? projectKey : readName(fieldValue(rawFields, map.team));
  const item: ProgramItem = {
    key: issue.key,
    summary: f.summary,
    projectKey,
    team,
    kind,
    issueType: f.issuetype?.name ?? 'Unknown',
    statusName: f.status?.name ?? 'Unknown',
    done: f.status?.statusCategory?.key === 'done',
    parentKey: f.parent?.key,
    epicKey: kind === 'epic' ? issue.key : undefined,
    points: readNumber(fieldValue(rawFields, map.storyPoints)),
    rank: readString(fieldValue(rawFields, map.rank)),
    sprintIds: sprints.map((s) => s.id),
    createdMs: readDateMs(f.created),
    resolvedMs: readDateMs(f.resolutiondate),
    hasDescription: hasText(description),
    hasAcceptanceCriteria:
      hasText(acField) || hasHeading(description, ctx.config.readiness.acceptanceCriteriaHeading),
    wsjf: kind === 'epic' ? wsjfOf(rawFields, map) : undefined,
    escalationLevel: kind === 'impediment' ? readName(fieldValue(rawFields, map.escalationLevel)) : undefined,
    escalationHistory: [],
    external,
  };
  return { item, sprints };
}
