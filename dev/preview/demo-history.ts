/**
 * The preview's demo history. A fresh emulator has no past, so the gadget's trends would be empty: the
 * preview replays the demo program (the snapshot it just built, as it was at each date by its own
 * creation, resolution and sprint dates: demo-as-of.ts) through the analysis engine at earlier dates,
 * once a week back to 8 weeks ago, and keeps each result through the same summary code and store as a
 * real day. Those days are stored as `demo-replay`, and the gadget labels them as demo
 * history. On a real site (JIRA_SITE) nothing is seeded.
 */
import { dayOf, DAY_MS } from '../../src/domain/history/history-days';
import { analyseSnapshot, forecastOf } from '../../src/services/analysis/compute-analysis';
import { epicRecords } from '../../src/services/analysis/epic-records';
import { impedimentRecords, programRecord } from '../../src/services/analysis/view-records';
import { summaryOfRecords } from '../../src/services/history/summary-records';
import { forecastRecord } from '../../src/storage/forecast-schema';
import { storeDailySummary, type HistoryWrite } from '../../src/storage/history-store';
import { CURRENT_PROGRAM_ID } from '../../src/storage/keys';
import { issuesAsOf, sprintsAsOf } from './demo-as-of';

export const DEMO_HISTORY_WEEKS = 8;

/** Replays the stored demo snapshot at `now` minus 1..`weeks` weeks; days already stored stay. */
export async function seedDemoHistory(now: number, weeks = DEMO_HISTORY_WEEKS): Promise<HistoryWrite[]> {
  const written: HistoryWrite[] = [];
  for (let week = 1; week <= weeks; week++) {
    const at = now - week * 7 * DAY_MS;
    const run = await analyseSnapshot(at, {
      issues: (issues) => issuesAsOf(issues, at),
      sprints: (sprints) => sprintsAsOf(sprints, at),
    });
    if (!run) return written;
    const forecast = forecastOf(run, at);
    const summary = summaryOfRecords(
      {
        computedAt: new Date(at).toISOString(),
        program: programRecord(run.analysis, run.config),
        impediments: impedimentRecords(run.analysis, at),
        cycles: run.analysis.cycles,
        epics: epicRecords(run.analysis, run.model, run.facts),
        forecasts: forecast?.epics.map(forecastRecord) ?? [],
      },
      dayOf(at),
    );
    written.push(
      await storeDailySummary(
        CURRENT_PROGRAM_ID,
        { ...summary, source: 'demo-replay', omittedTeams: 0 },
        dayOf(now),
      ),
    );
  }
  return written;
}
