/**
 * Definition of Ready (DOMAIN.md "Readiness"): each rule passes or fails with a reason; ready = every
 * enabled required rule passes; score 0-100 = weighted share of passing enabled rules. Rules,
 * weights and required flags come from the program config. A passing rule's result is one shared
 * object per rule (its reason does not depend on the item), so 100k items stay light.
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
  summary: string;
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
  blockingPrerequisites: readonly string[];
  /** Open impediments that block the item. */
  openImpediments: readonly string[];
}

/** Returns the failure reason, or undefined when the rule passes. */
type Check = (item: ProgramItem, facts: ReadinessFacts, config: ProgramConfig) => string | undefined;

interface Rule {
  check: Check;
  passReason: (config: ProgramConfig) => string;
  /** Its failure reason depends on the config only, so one failing result serves every item. */
  sameForEveryItem?: true;
}

/**
 * The failure reason of the acceptance-criteria rule, made once per heading: most open items fail it,
 * and a new string per item (57k at 100k issues) was garbage, the shared result being kept anyway.
 */
let criteria: { heading: string; reason: string } | undefined;
function missingCriteria(heading: string): string {
  if (criteria?.heading !== heading)
    criteria = { heading, reason: `no acceptance criteria (field empty, no "${heading}" heading)` };
  return criteria.reason;
}

const RULES: Record<ReadinessRuleId, Rule> = {
  description: {
    sameForEveryItem: true,
    check: (item) => (item.hasDescription ? undefined : 'no description'),
    passReason: () => 'has a description',
  },
  'acceptance-criteria': {
    sameForEveryItem: true,
    check: (item, _f, config) =>
      item.hasAcceptanceCriteria ? undefined : missingCriteria(config.readiness.acceptanceCriteriaHeading),
    passReason: () => 'has acceptance criteria',
  },
  estimated: {
    sameForEveryItem: true,
    check: (item) => (item.points === undefined ? 'not estimated' : undefined),
    passReason: () => 'has a story-point estimate',
  },
  'small-enough': {
    // An unestimated item fails "estimated"; failing it here too would count one gap twice.
    check: (item, _f, config) =>
      item.points !== undefined && item.points > config.readiness.maxPoints
        ? `${item.points} points is more than ${config.readiness.maxPoints}: split it`
        : undefined,
    passReason: (config) => `at most ${config.readiness.maxPoints} points (or not estimated yet)`,
  },
  'parent-epic': {
    sameForEveryItem: true,
    check: (item) => (item.epicKey === undefined ? 'no parent epic' : undefined),
    passReason: () => 'has a parent epic',
  },
  team: {
    sameForEveryItem: true,
    check: (item, _f, config) =>
      item.team !== undefined
        ? undefined
        : config.teams.by === 'field'
          ? 'the team field is empty'
          : 'no team',
    passReason: () => 'maps to a team',
  },
  'prerequisites-scheduled': {
    check: (_item, facts) =>
      facts.blockingPrerequisites.length === 0
        ? undefined
        : `prerequisite ${facts.blockingPrerequisites.join(', ')}`,
    passReason: () => 'no open prerequisite in conflict or unscheduled',
  },
  'no-open-impediment': {
    check: (_item, facts) =>
      facts.openImpediments.length === 0
        ? undefined
        : `blocked by open impediment ${facts.openImpediments.join(', ')}`,
    passReason: () => 'no open impediment blocks it',
  },
};

export interface ReadinessEvaluator {
  evaluate(item: ProgramItem, facts: ReadinessFacts): ItemReadiness;
}

/** Prepares the enabled rules among `ids` (all rules by default) once, for many items. */
export function readinessEvaluator(
  config: ProgramConfig,
  ids: readonly ReadinessRuleId[] = READINESS_RULE_IDS,
): ReadinessEvaluator {
  const enabled = ids.flatMap((id) => {
    const settings = config.readiness.rules[id];
    if (settings?.enabled === false) return [];
    const required = settings?.required ?? true;
    const weight = settings?.weight ?? 1;
    const passed: RuleResult = { id, pass: true, reason: RULES[id].passReason(config), required, weight };
    return [
      {
        id,
        check: RULES[id].check,
        sameForEveryItem: RULES[id].sameForEveryItem === true,
        required,
        weight,
        passed,
      },
    ];
  });
  const total = enabled.reduce((sum, r) => sum + r.weight, 0);
  // A failing result whose reason is the same for every item is made once. The failing list and the
  // score depend only on which rules fail, so items that fail the same rules share them, and their
  // rules list too when every result in it is shared (most of 57k items at 100k issues): far fewer
  // kept objects for the garbage collector to copy.
  const sharedFailure = new Map<ReadinessRuleId, RuleResult>();
  const byFailedRules = new Map<
    number,
    { failing: ReadinessRuleId[]; score: number; rules: RuleResult[] | undefined }
  >();
  const ruleScratch: RuleResult[] = [];
  const failScratch: ReadinessRuleId[] = [];
  return {
    evaluate(item, facts) {
      let ruleCount = 0;
      let failCount = 0;
      let passing = 0;
      let ready = true;
      let failedMask = 0;
      let allShared = true;
      for (let r = 0; r < enabled.length; r++) {
        const rule = enabled[r];
        if (rule === undefined) continue;
        const failure = rule.check(item, facts, config);
        if (failure === undefined) {
          ruleScratch[ruleCount++] = rule.passed;
          passing += rule.weight;
          continue;
        }
        failedMask |= 1 << r;
        let result = rule.sameForEveryItem ? sharedFailure.get(rule.id) : undefined;
        if (result === undefined) {
          result = {
            id: rule.id,
            pass: false,
            reason: failure,
            required: rule.required,
            weight: rule.weight,
          };
          if (rule.sameForEveryItem) sharedFailure.set(rule.id, result);
          else allShared = false;
        }
        ruleScratch[ruleCount++] = result;
        failScratch[failCount++] = rule.id;
        if (rule.required) ready = false;
      }
      let shared = byFailedRules.get(failedMask);
      if (shared === undefined) {
        // Copied out at their exact length: an array grown by push from empty keeps room for 16+.
        shared = {
          failing: failScratch.slice(0, failCount),
          score: total === 0 ? 100 : Math.round((100 * passing) / total),
          rules: undefined,
        };
        byFailedRules.set(failedMask, shared);
      }
      let rules = allShared ? shared.rules : undefined;
      if (rules === undefined) {
        rules = ruleScratch.slice(0, ruleCount);
        if (allShared) shared.rules = rules;
      }
      return {
        key: item.key,
        summary: item.summary,
        team: item.team,
        epicKey: item.epicKey,
        points: item.points,
        ready,
        score: shared.score,
        failing: shared.failing,
        rules,
      };
    },
  };
}

/** Evaluates one item (see {@link readinessEvaluator} for many). */
export function evaluateReadiness(
  item: ProgramItem,
  facts: ReadinessFacts,
  config: ProgramConfig,
  ids: readonly ReadinessRuleId[] = READINESS_RULE_IDS,
): ItemReadiness {
  return readinessEvaluator(config, ids).evaluate(item, facts);
}

/** The enabled rules with what each says when it passes: the checklist a view shows beside failures. */
export function readinessChecklist(
  config: ProgramConfig,
): Array<{ id: ReadinessRuleId; passReason: string; required: boolean; weight: number }> {
  return READINESS_RULE_IDS.flatMap((id) => {
    const settings = config.readiness.rules[id];
    if (settings?.enabled === false) return [];
    return [
      {
        id,
        passReason: RULES[id].passReason(config),
        required: settings?.required ?? true,
        weight: settings?.weight ?? 1,
      },
    ];
  });
}
