/**
 * Time at a level against the level's SLA (DOMAIN.md "Impediments": each level has an SLA in days, the
 * top one none). The clock starts when the last move put the impediment at its level, else at creation.
 */
import { DAY_MS } from './impediment-trend';
import type { EscalationRecord } from './escalation-record';
import type { LadderLevel } from './escalation-ladder';

export type SlaStatus = 'ok' | 'at-risk' | 'breached' | 'none';

/** Share of the SLA after which an impediment counts as at risk of breaching it. */
const AT_RISK_SHARE = 0.75;

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Days from `sinceMs` to `nowMs`, to one decimal: the one rule for an impediment's days at its level
 * and its total age, on every surface (the issue section, the gadget, the report).
 */
export function daysSince(sinceMs: number | undefined, nowMs: number): number | null {
  return sinceMs === undefined ? null : round1(Math.max(0, nowMs - sinceMs) / DAY_MS);
}

/** When the impediment entered `level`: the latest move to it, else creation. */
export function enteredLevelMs(
  record: EscalationRecord,
  level: string,
  createdMs: number | undefined,
): number | undefined {
  const move = record.history.filter((m) => m.to === level && m.action !== 'resolve').at(-1);
  const at = move === undefined ? Number.NaN : Date.parse(move.at);
  return Number.isNaN(at) ? createdMs : at;
}

export interface SlaPosition {
  daysAtLevel: number | null;
  slaDays: number | null;
  status: SlaStatus;
}

export function slaPosition(
  enteredMs: number | undefined,
  level: Pick<LadderLevel, 'slaDays'> | undefined,
  nowMs: number,
): SlaPosition {
  const slaDays = level?.slaDays ?? null;
  const daysAtLevel = daysSince(enteredMs, nowMs);
  if (slaDays === null || daysAtLevel === null) return { daysAtLevel, slaDays, status: 'none' };
  const status =
    daysAtLevel > slaDays ? 'breached' : daysAtLevel >= slaDays * AT_RISK_SHARE ? 'at-risk' : 'ok';
  return { daysAtLevel, slaDays, status };
}

/** Exact test for the scheduled auto-escalation: strictly more time at the level than its SLA. */
export function pastSla(
  enteredMs: number | undefined,
  level: Pick<LadderLevel, 'slaDays'> | undefined,
  nowMs: number,
): boolean {
  const sla = level?.slaDays;
  return enteredMs !== undefined && sla !== null && sla !== undefined && nowMs - enteredMs > sla * DAY_MS;
}
