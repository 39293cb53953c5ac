/**
 * Open impediments from the stored analysis, aged to the viewer's time by the same rule as the issue's
 * impediment section (`slaPosition` from the moment the impediment entered its level), so that the
 * gadget and the issue show the same days at level however long ago the analysis ran.
 */
import { slaPosition } from '../../domain/impediments/impediment-sla';
import type { ImpedimentRecord } from '../../storage/analysis-schema';

export function agedImpediment(record: ImpedimentRecord, nowMs: number): ImpedimentRecord {
  if (record.enteredLevelMs === null) return record;
  const sla = slaPosition(record.enteredLevelMs, { slaDays: record.slaDays }, nowMs);
  return { ...record, daysAtLevel: sla.daysAtLevel, breached: sla.status === 'breached' };
}
