/**
 * Which impediments the scheduled trigger escalates, and under which move id. The id is derived from
 * the issue, the record's version and the level, so every run (a replay, a duplicate invocation or the
 * next hour's run before the first finished) proposes the same move and the compare-and-set keeps one.
 */
import { stateOf, transition, type LadderLevel } from './escalation-ladder';
import type { ImpedimentFacts } from './impediment-records';
import { enteredLevelMs, pastSla } from './impediment-sla';

export interface PlannedEscalation {
  key: string;
  moveId: string;
  from: string;
  to: string;
  version: number;
  daysOver: number;
}

export function autoMoveId(key: string, version: number, from: string): string {
  return `auto:${key}:v${version}:${from}`;
}

export function planAutoEscalations(
  impediments: readonly ImpedimentFacts[],
  ladder: readonly LadderLevel[],
  nowMs: number,
): PlannedEscalation[] {
  return impediments.flatMap((i) => {
    const state = stateOf(i.record, ladder, i.fieldLevel, i.done);
    const rung = ladder.find((l) => l.name === state.level);
    const entered = enteredLevelMs(i.record, state.level, i.createdMs);
    if (state.resolved || !pastSla(entered, rung, nowMs)) return [];
    const step = transition(state, 'escalate', ladder);
    if (!step.ok || entered === undefined || !rung || rung.slaDays === null) return [];
    const daysOver = Math.round(((nowMs - entered) / 86_400_000 - rung.slaDays) * 10) / 10;
    return [
      {
        key: i.key,
        moveId: autoMoveId(i.key, i.record.version, step.from),
        from: step.from,
        to: step.to,
        version: i.record.version,
        daysOver,
      },
    ];
  });
}
