/** The admin form's draft of the program config, and how resolver problems map to its fields. */
import { FIELD_ROLES, type AdminConfig, type FieldRole } from '../../../../src/shared/contract';

export type Config = AdminConfig['config'];
export type Problems = ReadonlyMap<string, string>;

/** "config.readiness.rules.estimated.weight" -> "readiness.rules.estimated.weight". */
export function problemsOf(problems: ReadonlyArray<{ field: string; message: string }>): Map<string, string> {
  return new Map(problems.map((p) => [p.field.replace(/^config\./, ''), p.message]));
}

/**
 * The first problem at or under `path` (e.g. "projects" also matches "projects[2]"). The resolver's
 * messages are sentences naming the field ("Horizon: minimum sprints must ..."): shown as they are.
 */
export function problemAt(problems: Problems, path: string): string | undefined {
  for (const [field, message] of problems) {
    if (field === path || field.startsWith(`${path}.`) || field.startsWith(`${path}[`)) return message;
  }
  return undefined;
}

export const READINESS_RULES = [
  ['description', 'Has a description'],
  ['acceptance-criteria', 'Has acceptance criteria'],
  ['estimated', 'Is estimated'],
  ['small-enough', 'Is small enough'],
  ['parent-epic', 'Has a parent epic'],
  ['team', 'Maps to a team'],
  ['prerequisites-scheduled', 'Prerequisites are scheduled in time'],
  ['no-open-impediment', 'No open impediment blocks it'],
] as const;

/** A label per role; typed by the backend's role list, so a new role cannot be left off the form. */
const FIELD_ROLE_LABELS: Record<FieldRole, string> = {
  storyPoints: 'Story points',
  sprint: 'Sprint',
  rank: 'Rank',
  acceptanceCriteria: 'Acceptance criteria',
  businessValue: 'WSJF: business value',
  timeCriticality: 'WSJF: time criticality',
  riskReduction: 'WSJF: risk reduction',
  jobSize: 'WSJF: job size',
  team: 'Team',
  escalationLevel: 'Escalation level',
  epicLink: 'Epic Link (older company-managed data)',
  parentLink: 'Parent Link (Advanced Roadmaps)',
  flagged: 'Flagged',
};

export const FIELD_ROLE_INPUTS = FIELD_ROLES.map((role) => [role, FIELD_ROLE_LABELS[role]] as const);

/** A number input's value; NaN (empty or not a number) is sent as null, which the resolver names. */
export const numberFrom = (input: HTMLInputElement): number => input.valueAsNumber;
