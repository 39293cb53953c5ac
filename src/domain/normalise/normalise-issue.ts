/**
 * One Jira issue -> one {@link ProgramItem}. Missing data is normal (DOMAIN.md): an issue without
 * `project` takes it from its key, an unknown status category counts as open, unestimated,
 * unscheduled and unparented issues are items like any other. Readiness inputs (description,
 * acceptance criteria) are read only for open work, the only place readiness looks.
 */
import type { FieldMap } from '../config/field-roles';
import type { ProgramConfig } from '../config/program-config';
import {
  NO_HISTORY,
  type ItemKind,
  type ParentSource,
  type ProgramItem,
  type WsjfInputs,
} from '../model/program-model';
import { projectKeyOf } from '../issue-key';
import { hasHeading, hasText } from './adf-text';
import { fieldValue, readDateMs, readName, readNumber, readString } from './jira-values';
import type { JsonObject } from './json-guards';

// Local copies of the json-guards readers: this runs for every issue, and a call through an imported
// binding costs a getter per call under CommonJS interop (the production bundle inlines them anyway).
function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function objectAt(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}
function stringAt(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export interface NormaliseContext {
  config: ProgramConfig;
  fieldMap: FieldMap;
  /** Projects whose story points live in another field than the program's (their boards say so). */
  pointsByProject: ReadonlyMap<string, string>;
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

function classify(
  name: string,
  level: number | undefined,
  subtask: boolean | undefined,
  impedimentType: string,
): ItemKind {
  if (name.toLowerCase() === impedimentType.toLowerCase()) return 'impediment';
  if (level !== undefined) return level >= 1 ? 'epic' : level < 0 ? 'subtask' : 'backlog';
  if (subtask === true || /^sub-?task$/i.test(name)) return 'subtask';
  return name.toLowerCase() === 'epic' ? 'epic' : 'backlog';
}

/**
 * The item kind of an issue type given by its parts (name '' when the issue has no type; no object
 * per issue); memoised by type name, since a program has a handful of types.
 */
export function kindOf(
  name: string,
  level: number | undefined,
  subtask: boolean | undefined,
  impedimentType: string,
): ItemKind {
  const known = kinds.get(name);
  if (known?.impedimentType === impedimentType && known.level === level && known.subtask === subtask) {
    return known.kind;
  }
  const kind = classify(name, level, subtask, impedimentType);
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

const DAY_TEXT = /^\d{4}-\d{2}-\d{2}$/;

/** Jira's `duedate`, else the earliest `releaseDate` of the issue's fix versions (both `YYYY-MM-DD`). */
function dueDateOf(f: JsonObject): string | undefined {
  const due = stringAt(f.duedate);
  if (due !== undefined && DAY_TEXT.test(due)) return due;
  if (!Array.isArray(f.fixVersions)) return undefined;
  let earliest: string | undefined;
  for (const version of f.fixVersions) {
    const release = stringAt(objectAt(version)?.releaseDate);
    if (release !== undefined && DAY_TEXT.test(release) && (earliest === undefined || release < earliest))
      earliest = release;
  }
  return earliest;
}

const NO_PARENT = { key: undefined, via: undefined } as const;

/** An issue key held by Epic Link (a plain key) or Parent Link (an object with `key`, or with `data.key`). */
function linkedKey(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  const object = objectAt(value);
  return stringAt(object?.key) ?? stringAt(objectAt(object?.data)?.key);
}

/**
 * The parent: Jira's `parent` first (every site today), then Epic Link, then Parent Link, which older
 * company-managed data was written through and which `parent` does not always reflect.
 */
function parentOf(f: JsonObject, map: FieldMap): { key: string | undefined; via: ParentSource | undefined } {
  const parent = stringAt(objectAt(f.parent)?.key);
  if (parent !== undefined) return { key: parent, via: 'parent' };
  const epic = linkedKey(fieldValue(f, map.epicLink));
  if (epic !== undefined) return { key: epic, via: 'epic-link' };
  const above = linkedKey(fieldValue(f, map.parentLink));
  return above === undefined ? NO_PARENT : { key: above, via: 'parent-link' };
}

/** Jira Software's flag: a multi-checkbox whose checked option reads "Impediment". */
function isFlagged(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  return value.some((option) => {
    const text = typeof option === 'string' ? option : stringAt(objectAt(option)?.value);
    return text?.toLowerCase() === 'impediment';
  });
}

/** Normalises one issue; sprint ids are resolved by the caller (it keeps the sprint catalog). */
export function normaliseIssue(
  key: string,
  f: JsonObject,
  sprintIds: readonly number[],
  ctx: NormaliseContext,
): ProgramItem {
  const map = ctx.fieldMap;
  // Status read in place (no intermediate object per issue): name and category key only.
  const status = objectAt(f.status);
  const categoryKey = stringAt(objectAt(status?.statusCategory)?.key);
  // Issue type read in place (no object per issue): a type object without a name is 'Unknown'.
  const issueType = objectAt(f.issuetype);
  const typeName = issueType ? (stringAt(issueType.name) ?? 'Unknown') : undefined;
  const level = issueType?.hierarchyLevel;
  const subtask = issueType?.subtask;
  const projectKey = stringAt(objectAt(f.project)?.key) ?? projectKeyOf(key);
  const kind = kindOf(
    typeName ?? '',
    typeof level === 'number' && Number.isFinite(level) ? level : undefined,
    typeof subtask === 'boolean' ? subtask : undefined,
    ctx.config.impediments.issueType,
  );
  const done = categoryKey === 'done';
  const readinessMatters = !done && (kind === 'backlog' || kind === 'epic');
  const parent =
    kind === 'epic' ? { key: stringAt(objectAt(f.parent)?.key), via: undefined } : parentOf(f, map);
  const description = readinessMatters ? f.description : undefined;
  return {
    key,
    summary: stringAt(f.summary) ?? '',
    projectKey,
    team: ctx.config.teams.by === 'project' ? projectKey : readName(fieldValue(f, map.team)),
    kind,
    issueType: typeName ?? 'Unknown',
    statusName: (status && stringAt(status.name)) ?? 'Unknown',
    done,
    parentKey: parent.key,
    parentVia: parent.key === undefined ? undefined : (parent.via ?? 'parent'),
    epicKey: kind === 'epic' ? key : undefined,
    points: readNumber(fieldValue(f, ctx.pointsByProject.get(projectKey) ?? map.storyPoints)),
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
    dueDate: readinessMatters ? dueDateOf(f) : undefined,
    flagged: !done && map.flagged !== undefined && isFlagged(f[map.flagged]),
    external: ctx.programProjects.size > 0 && !ctx.programProjects.has(projectKey),
  };
}
