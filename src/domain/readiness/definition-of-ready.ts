/**
 * Definition of Ready (DOMAIN.md "Readiness"): each rule passes or fails with a reason; ready = every
 * enabled required rule passes; score 0-100 = weighted share of passing enabled rules. Rules,
 * weights and required flags come from the program config.
 */
import { READINESS_RULE_IDS, type ReadinessRuleId } from '../config/readiness-rule-ids';
import type { ProgramConfig } from '../config/program-config';
import type { ProgramItem } from '../model/program-model';

export interface RuleResult {
  id: ReadinessRuleId;
  pass: boolean;
  reason: string;
  required: boolean;
  weight: number;
}

export interface ItemReadiness {
  key: string;
  team: string | undefined;
  epicKey: string | undefined;
  points: number | undefined;
  ready: boolean;
  score: number;
  failing: ReadinessRuleId[];
  rules: RuleResult[];
}

/** What the graph knows about an item's prerequisites, for the last two rules. */
export interface ReadinessFacts {
  /** Open prerequisites in conflict or unscheduled, with why (e.g. "PLAT-81 is not in a sprint"). */
  blockingPrerequisites: string[];
  /** Open impediments that block the item. */
  openImpediments: string[];
}

type Check = (item: ProgramItem, facts: ReadinessFacts, config: ProgramConfig) => [boolean, string];

const CHECKS: Record<ReadinessRuleId, Check> = {
  description: (item) => (item.hasDescription ? [true, 'has a description'] : [false, 'no description']),
  'acceptance-criteria': (item, _f, config) =>
    item.hasAcceptanceCriteria
      ? [true, 'has acceptance criteria']
      : [
          false,
          `no acceptance criteria (field empty, no "${config.readiness.acceptanceCriteriaHeading}" heading)`,
        ],
  estimated: (item) =>
    item.points === undefined ? [false, 'not estimated'] : [true, `estimated at ${item.points} points`],
  'small-enough': (item, _f, config) => {
    const max = config.readiness.maxPoints;
    // An unestimated item fails "estimated"; failing it here too would count one gap twice.
    if (item.points === undefined) return [true, 'size unknown (see "estimated")'];
    return item.points <= max
      ? [true, `${item.points} <= ${max} points`]
      : [false, `${item.points} points is more than ${max}: split it`];
  },
  'parent-epic': (item) =>
    item.epicKey === undefined ? [false, 'no parent epic'] : [true, `belongs to epic ${item.epicKey}`],
  team: (item, _f, config) =>
    item.team === undefined
      ? [false, config.teams.by === 'field' ? 'the team field is empty' : 'no team']
      : [true, `team ${item.team}`],
  'prerequisites-scheduled': (_item, facts) =>
    facts.blockingPrerequisites.length === 0
      ? [true, 'no open prerequisite in conflict or unscheduled']
      : [false, `prerequisite ${facts.blockingPrerequisites.join(', ')}`],
  'no-open-impediment': (_item, facts) =>
    facts.openImpediments.length === 0
      ? [true, 'no open impediment blocks it']
      : [false, `blocked by open impediment ${facts.openImpediments.join(', ')}`],
};

/** Evaluates the enabled rules in `ids` (all rules by default) for one item. */
export function evaluateReadiness(
  item: ProgramItem,
  facts: ReadinessFacts,
  config: ProgramConfig,
  ids: readonly ReadinessRuleId[] = READINESS_RULE_IDS,
): ItemReadiness {
  const rules: RuleResult[] = [];
  for (const id of ids) {
    const settings = config.readiness.rules[id];
    if (settings?.enabled === false) continue;
    const [pass, reason] = CHECKS[id](item, facts, config);
    rules.push({ id, pass, reason, required: settings?.required ?? true, weight: settings?.weight ?? 1 });
  }
  const total = rules.reduce((sum, r) => sum + r.weight, 0);
  const passing = rules.reduce((sum, r) => sum + (r.pass ? r.weight : 0), 0);
  return {
    key: item.key,
    team: item.team,
    epicKey: item.epicKey,
    points: item.points,
    ready: rules.every((r) => r.pass || !r.required),
    score: total === 0 ? 100 : Math.round((100 * passing) / total),
    failing: rules.filter((r) => !r.pass).map((r) => r.id),
    rules,
  };
}
