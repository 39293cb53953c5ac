/**
 * One Jira issue -> one {@link ProgramItem}. Missing data is normal (DOMAIN.md): an issue without
 * `project` takes it from its key, an unknown status category counts as open, unestimated,
 * unscheduled and unparented issues are items like any other. Readiness inputs (description,
 * acceptance criteria) are read only for open work, the only place readiness looks.
 */
import type { FieldMap } from '../config/field-map';
import type { ProgramConfig } from '../config/program-config';
import { NO_HISTORY, type ItemKind, type ProgramItem, type WsjfInputs } from '../model/program-model';
import { projectKeyOf } from '../issue-key';
import { hasHeading, hasText } from './adf-text';
import { readIssueType, type RawIssue, type RawIssueType } from './issue-schema';
import { fieldValue, readDateMs, readName, readNumber, readString } from './jira-values';
import { objectAt, stringAt, type JsonObject } from './json-guards';

export interface NormaliseContext {
  config: ProgramConfig;
  fieldMap: FieldMap;
  /** Projects of the program; empty = all. */
  programProjects: ReadonlySet<string>;
}

interface KnownKind {
  impedimentType: string;
  level: number | undefined;
  subtask: boolean | undefined;
  kind: ItemKind;
}
const kinds = new Map<string, KnownKind>();

function classify(issueType: RawIssueType | undefined, impedimentType: string): ItemKind {
  const name = issueType?.name ?? '';
  const level = issueType?.hierarchyLevel;
  if (name.toLowerCase() === impedimentType.toLowerCase()) return 'impediment';
  if (level !== undefined) return level >= 1 ? 'epic' : level < 0 ? 'subtask' : 'backlog';
  if (issueType?.subtask === true || /^sub-?task$/i.test(name)) return 'subtask';
  return name.toLowerCase() === 'epic' ? 'epic' : 'backlog';
}

/** The item kind of an issue type; memoised by type name, since a program has a handful of types. */
export function kindOf(issueType: RawIssueType | undefined, impedimentType: string): ItemKind {
  const name = issueType?.name ?? '';
  const level = issueType?.hierarchyLevel;
  const subtask = issueType?.subtask;
  const known = kinds.get(name);
  if (known?.impedimentType === impedimentType && known.level === level && known.subtask === subtask) {
    return known.kind;
  }
  const kind = classify(issueType, impedimentType);
  if (kinds.size < 1000) kinds.set(name, { impedimentType, level, subtask, kind });
  return kind;
}

function wsjfOf(fields: JsonObject, map: FieldMap): WsjfInputs | undefined {
  const inputs = {
    businessValue: readNumber(fieldValue(fields, map.businessValue)),
    timeCriticality: readNumber(fieldValue(fields, map.timeCriticality)),
    riskReduction: readNumber(fieldValue(fields, map.riskReduction)),
    jobSize: readNumber(fieldValue(fields, map.jobSize)),
  };
  const none =
    inputs.businessValue === undefined &&
    inputs.timeCriticality === undefined &&
    inputs.riskReduction === undefined &&
    inputs.jobSize === undefined;
  return none ? undefined : inputs;
}

/** Normalises one issue; sprint ids are resolved by the caller (it keeps the sprint catalog). */
export function normaliseIssue(
  issue: RawIssue,
  sprintIds: readonly number[],
  ctx: NormaliseContext,
): ProgramItem {
  const f = issue.fields;
  const map = ctx.fieldMap;
  // Status read in place (no intermediate object per issue): name and category key only.
  const status = objectAt(f.status);
  const categoryKey = stringAt(objectAt(status?.statusCategory)?.key);
  const issueType = readIssueType(f.issuetype);
  const projectKey = stringAt(objectAt(f.project)?.key) ?? projectKeyOf(issue.key);
  const kind = kindOf(issueType, ctx.config.impediments.issueType);
  const done = categoryKey === 'done';
  const readinessMatters = !done && (kind === 'backlog' || kind === 'epic');
  const description = readinessMatters ? f.description : undefined;
  return {
    key: issue.key,
    summary: stringAt(f.summary) ?? '',
    projectKey,
    team: ctx.config.teams.by === 'project' ? projectKey : readName(fieldValue(f, map.team)),
    kind,
    issueType: issueType?.name ?? 'Unknown',
    statusName: (status && stringAt(status.name)) ?? 'Unknown',
    done,
    parentKey: stringAt(objectAt(f.parent)?.key),
    epicKey: kind === 'epic' ? issue.key : undefined,
    points: readNumber(fieldValue(f, map.storyPoints)),
    rank: readString(fieldValue(f, map.rank)),
    sprintIds,
    createdMs: kind === 'impediment' ? readDateMs(f.created) : undefined,
    resolvedMs: done ? readDateMs(f.resolutiondate) : undefined,
    hasDescription: readinessMatters && hasText(description),
    hasAcceptanceCriteria:
      readinessMatters &&
      (hasText(fieldValue(f, map.acceptanceCriteria)) ||
        hasHeading(description, ctx.config.readiness.acceptanceCriteriaHeading)),
    wsjf: kind === 'epic' ? wsjfOf(f, map) : undefined,
    escalationLevel: kind === 'impediment' ? readName(fieldValue(f, map.escalationLevel)) : undefined,
    escalationHistory: NO_HISTORY,
    external: ctx.programProjects.size > 0 && !ctx.programProjects.has(projectKey),
  };
}
