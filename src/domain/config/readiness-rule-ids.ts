/** The Definition-of-Ready rules (DOMAIN.md "Readiness"), in the order they are reported. */
export const READINESS_RULE_IDS = [
  'description',
  'acceptance-criteria',
  'estimated',
  'small-enough',
  'parent-epic',
  'team',
  'prerequisites-scheduled',
  'no-open-impediment',
] as const;

export type ReadinessRuleId = (typeof READINESS_RULE_IDS)[number];
