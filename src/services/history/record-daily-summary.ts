/**
 * Keeps one summary a day of the program (issue 14, item 5): after the first analysis of a new day, and
 * from the daily scheduled trigger in case no analysis ran that day. It reads the stored analysis (a
 * few small parts; epics and their forecast once a day), never Jira.
 */
import { dayOf } from '../../domain/history/history-days';
import {
  CycleRecordSchema,
  EpicRecordSchema,
  ImpedimentRecordSchema,
  type AnalysisManifest,
} from '../../storage/analysis-schema';
import { partsOf, readAnalysisManifest, readParts, readProgramRecord } from '../../storage/analysis-store';
import { ForecastRecordSchema } from '../../storage/forecast-schema';
import { readHistoryIndex, storeDailySummary, type HistoryWrite } from '../../storage/history-store';
import { currentProgramId } from '../../storage/program-scope';
import { summaryOfRecords, type AnalysisRecords } from './summary-records';

export async function readAnalysisRecords(manifest: AnalysisManifest): Promise<AnalysisRecords> {
  const [program, impediments, cycles, epics, forecasts] = await Promise.all([
    readProgramRecord(manifest),
    readParts(partsOf(manifest, 'impediments'), ImpedimentRecordSchema),
    readParts(partsOf(manifest, 'cycles'), CycleRecordSchema),
    readParts(
      manifest.parts.filter((p) => p.partition.startsWith('epics:')),
      EpicRecordSchema,
    ),
    readParts(partsOf(manifest, 'forecast-epics'), ForecastRecordSchema),
  ]);
  return { computedAt: manifest.computedAt, program, impediments, cycles, epics, forecasts };
}

export type DailySummaryOutcome = HistoryWrite | { status: 'no-analysis'; day: string };

/** Stores today's summary of the program unless one is stored already. */
export async function recordDailySummary(
  now: number,
  programId = currentProgramId(),
  known?: AnalysisManifest,
): Promise<DailySummaryOutcome> {
  const day = dayOf(now);
  // Most analyses of a day find it summarised already: one small read, nothing else.
  if ((await readHistoryIndex(programId))?.body.days.includes(day))
    return { status: 'exists', day, writeUnits: 0, deleted: [] };
  const manifest = known ?? (await readAnalysisManifest());
  if (!manifest) return { status: 'no-analysis', day };
  const summary = summaryOfRecords(await readAnalysisRecords(manifest), day);
  return storeDailySummary(programId, { ...summary, source: 'analysis', omittedTeams: 0 }, day);
}
