/**
 * The summaries the Scrum of Scrums board compares with (issue 14, item 5). Without a meeting mark:
 * the last working day's summary. With a mark: the newest summary computed before the meeting, when it
 * covers it (stored on the meeting's day or the working day before); otherwise none, and the board
 * keeps to its baseline of items. "Now" is the current analysis, summarised by the same code.
 */
import { dailySummary, type DailySummary } from '../../domain/history/daily-summary';
import { dayOf } from '../../domain/history/history-days';
import { lastWorkingDayStart } from '../../domain/sos/working-day';
import {
  ImpedimentRecordSchema,
  type AnalysisManifest,
  type ProgramRecord,
} from '../../storage/analysis-schema';
import { partsOf, readParts, readProgramRecord } from '../../storage/analysis-store';
import type { StoredDailySummary } from '../../storage/history-schema';
import { readHistoryDays, readHistoryIndex } from '../../storage/history-store';
import { CURRENT_PROGRAM_ID } from '../../storage/keys';

/** The stored summary to compare with, or undefined when none covers the moment. */
export async function baselineSummary(
  nowMs: number,
  heldAtMs: number | undefined,
  programId = CURRENT_PROGRAM_ID,
): Promise<StoredDailySummary | undefined> {
  const days = (await readHistoryIndex(programId))?.body.days ?? [];
  if (heldAtMs === undefined) {
    const day = dayOf(lastWorkingDayStart(nowMs));
    if (!days.includes(day)) return undefined;
    return (await readHistoryDays(programId, [day]))[0];
  }
  const from = dayOf(lastWorkingDayStart(heldAtMs));
  const to = dayOf(heldAtMs);
  const candidates = days.filter((d) => d >= from && d <= to);
  const stored = await readHistoryDays(programId, candidates);
  return stored.filter((s) => Date.parse(s.computedAt) <= heldAtMs).at(-1);
}

/** The program's numbers now, from the stored analysis (team rows only: the board compares those). */
export async function currentSummary(
  manifest: AnalysisManifest,
  nowMs: number,
  known?: ProgramRecord,
): Promise<DailySummary> {
  const [program, impediments] = await Promise.all([
    known ?? readProgramRecord(manifest),
    // Every open impediment, as the stored summaries count them (rows are shown per visible team).
    readParts(partsOf(manifest, 'impediments'), ImpedimentRecordSchema),
  ]);
  return dailySummary({
    day: dayOf(nowMs),
    computedAt: manifest.computedAt,
    teams: program.teams,
    matrix: program.matrix,
    levels: program.impediments.perLevel.map((l) => l.level),
    impediments,
    cycles: 0,
    criticalPathLength: 0,
    epics: [],
    forecasts: [],
  });
}
