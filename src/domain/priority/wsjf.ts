/**
 * Weighted Shortest Job First (DOMAIN.md; SAFe's cost of delay / job size):
 * (business value + time criticality + risk reduction/opportunity enablement) / job size, from the
 * configured number fields. A missing input is flagged and the score left unknown, never zero.
 */
import type { ProgramItem, WsjfInputs } from '../model/program-model';

export type WsjfInput = keyof WsjfInputs;

export interface WsjfScore {
  score: number | null;
  inputs: WsjfInputs;
  missing: WsjfInput[];
  /** Why the score is unknown, e.g. "missing job size" or "job size is 0". */
  problem: string | undefined;
}

const LABEL: Record<WsjfInput, string> = {
  businessValue: 'business value',
  timeCriticality: 'time criticality',
  riskReduction: 'risk reduction / opportunity enablement',
  jobSize: 'job size',
};
const INPUTS: readonly WsjfInput[] = ['businessValue', 'timeCriticality', 'riskReduction', 'jobSize'];

export function wsjfOf(item: ProgramItem): WsjfScore {
  const inputs = item.wsjf ?? {
    businessValue: undefined,
    timeCriticality: undefined,
    riskReduction: undefined,
    jobSize: undefined,
  };
  const missing = INPUTS.filter((k) => inputs[k] === undefined);
  if (missing.length > 0) {
    return { score: null, inputs, missing, problem: `missing ${missing.map((k) => LABEL[k]).join(', ')}` };
  }
  const { businessValue = 0, timeCriticality = 0, riskReduction = 0, jobSize = 0 } = inputs;
  if (jobSize <= 0) return { score: null, inputs, missing, problem: `job size is ${jobSize}` };
  const score = Math.round(((businessValue + timeCriticality + riskReduction) / jobSize) * 100) / 100;
  return { score, inputs, missing, problem: undefined };
}
