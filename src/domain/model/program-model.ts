/**
 * The program as the analysis sees it: compact, normalised items (no raw Jira objects are kept, so a
 * 100k-issue program stays small), the sprint catalog and the dependency links between items.
 */
import type { FieldResolution } from '../config/field-resolution';

/** epic = hierarchy 1; backlog = level 0 (stories, tasks, bugs); impediments and sub-tasks apart. */
export type ItemKind = 'epic' | 'backlog' | 'subtask' | 'impediment';

export type ParentSource = 'parent' | 'epic-link' | 'parent-link';

export interface WsjfInputs {
  businessValue: number | undefined;
  timeCriticality: number | undefined;
  riskReduction: number | undefined;
  jobSize: number | undefined;
}

export interface EscalationStep {
  from: string | undefined;
  /** The ladder level's id (history written since levels have ids); the name is its label then. */
  fromId?: string | undefined;
  to: string;
  toId?: string | undefined;
  atMs: number;
  by: string | undefined;
  reason: string | undefined;
}

export interface ProgramItem {
  key: string;
  summary: string;
  projectKey: string;
  /** undefined when the team field is the mapping and the issue has no team. */
  team: string | undefined;
  kind: ItemKind;
  issueType: string;
  statusName: string;
  done: boolean;
  parentKey: string | undefined;
  /** Which field named `parentKey`: Jira's `parent`, else Epic Link, else Parent Link (older sites). */
  parentVia: ParentSource | undefined;
  /** The epic this item belongs to (itself for an epic; the parent's epic for a sub-task). */
  epicKey: string | undefined;
  points: number | undefined;
  rank: string | undefined;
  sprintIds: readonly number[];
  createdMs: number | undefined;
  resolvedMs: number | undefined;
  hasDescription: boolean;
  /** The acceptance-criteria field is filled, or the description has an acceptance-criteria heading. */
  hasAcceptanceCriteria: boolean;
  wsjf: WsjfInputs | undefined;
  escalationLevel: string | undefined;
  escalationHistory: readonly EscalationStep[];
  /**
   * `YYYY-MM-DD` the open item or epic is due: Jira's `duedate`, else its earliest fix version release
   * date (read for open work only, the only place the forecast looks).
   */
  dueDate: string | undefined;
  /** Jira's Flagged field says "Impediment": a team-level impediment on the item itself. */
  flagged: boolean;
  /** Known only from another issue's link: outside the program or the input. */
  external: boolean;
}

/**
 * Shared by every item without sprints or history, so 100k items do not carry 200k empty arrays.
 * Read-only by type, not frozen: V8 gives a frozen array its own elements kind, on which `for...of`
 * and the array methods take a slow path that allocates per element (4 times slower, and a garbage
 * collection every few thousand loops, when every item's list is read).
 */
export const NO_SPRINTS: readonly number[] = [];
export const NO_HISTORY: readonly EscalationStep[] = [];

/** What an item read from less than a whole issue knows: a link end, or a stored forecast basis. */
export type ItemFacts = Pick<
  ProgramItem,
  | 'key'
  | 'summary'
  | 'projectKey'
  | 'team'
  | 'kind'
  | 'issueType'
  | 'statusName'
  | 'done'
  | 'parentKey'
  | 'parentVia'
  | 'epicKey'
  | 'points'
  | 'rank'
  | 'sprintIds'
  | 'dueDate'
  | 'external'
>;

/**
 * The item of those facts, every other one unknown (no dates, description, WSJF, escalation or
 * flag). Its fields are in the order normaliseIssue writes them, so every item has one shape.
 */
export function itemOfFacts(facts: ItemFacts): ProgramItem {
  return {
    key: facts.key,
    summary: facts.summary,
    projectKey: facts.projectKey,
    team: facts.team,
    kind: facts.kind,
    issueType: facts.issueType,
    statusName: facts.statusName,
    done: facts.done,
    parentKey: facts.parentKey,
    parentVia: facts.parentVia,
    epicKey: facts.epicKey,
    points: facts.points,
    rank: facts.rank,
    sprintIds: facts.sprintIds,
    createdMs: undefined,
    resolvedMs: undefined,
    hasDescription: false,
    hasAcceptanceCriteria: false,
    wsjf: undefined,
    escalationLevel: undefined,
    escalationHistory: NO_HISTORY,
    dueDate: facts.dueDate,
    flagged: false,
    external: facts.external,
  };
}

export interface ProgramSprint {
  id: number;
  name: string;
  state: 'active' | 'closed' | 'future';
  boardId: number | undefined;
  startMs: number | undefined;
  endMs: number | undefined;
  completeMs: number | undefined;
  /** Start and end were extrapolated from the board's cadence (Jira leaves future sprints undated). */
  estimated: boolean;
}

/** A dependency link: `to` needs `from` (`from` is the prerequisite). Indexes into `items`. */
export interface DependencyLink {
  from: number;
  to: number;
  linkType: string;
}

export interface ProgramModel {
  items: ProgramItem[];
  indexOf: Map<string, number>;
  sprints: Map<number, ProgramSprint>;
  links: DependencyLink[];
  /** Dependency links whose prerequisite is an impediment: they block, but are not planned work. */
  impedimentLinks: DependencyLink[];
  /** Which field holds each role, how it was chosen, and what was guessed. */
  fieldResolution: FieldResolution;
  /** Teams of the program, sorted. */
  teams: string[];
  /** What normalisation had to skip or guess, e.g. an issue without a key. */
  warnings: string[];
}
