/**
 * The daily summary from the analysis's per-view records: the same records the panel and the gadget
 * read (horizons and matrix from the program record, open impediments, cycles, epics in MetaScrum
 * order, the epics' forecast), so a summary holds the numbers those surfaces showed.
 */
import { dailySummary, type DailySummary } from '../../domain/history/daily-summary';
import type { CycleRecord, EpicRecord, ImpedimentRecord, ProgramRecord } from '../../storage/analysis-schema';
import { forecastEntryOf, type ForecastRecord } from '../../storage/forecast-schema';

export interface AnalysisRecords {
  computedAt: string;
  program: ProgramRecord;
  impediments: readonly ImpedimentRecord[];
  cycles: readonly CycleRecord[];
  epics: readonly EpicRecord[];
  forecasts: readonly ForecastRecord[];
}

export function summaryOfRecords(records: AnalysisRecords, day: string): DailySummary {
  const { program } = records;
  return dailySummary({
    day,
    computedAt: records.computedAt,
    teams: program.teams,
    matrix: program.matrix,
    levels: program.impediments.perLevel.map((l) => l.level),
    impediments: records.impediments,
    cycles: records.cycles.length,
    criticalPathLength: program.criticalPath.length,
    epics: records.epics,
    forecasts: records.forecasts.map(forecastEntryOf),
  });
}
