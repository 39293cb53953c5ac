/**
 * `--history`: the program's daily summaries (the gadget's and the Scrum of Scrums' history) for the
 * data the report reads, today and each week back. The app keeps its summaries in Forge storage, which
 * no REST client can read, so the CLI rebuilds them the way the preview seeds its demo history: the
 * issues as they were at each date by their own dates (created, resolved, sprint dates:
 * dev/preview/demo-as-of.ts), through the same analysis and the same summary code as a real day.
 * What Jira does not date (links, estimates, escalations) is taken as it is now.
 */
import { ProgramAnalyser, type ProgramInput } from '../../src/domain/analyse-program';
import type { ProgramConfig } from '../../src/domain/config/program-config';
import { dailySummary, type DailySummary } from '../../src/domain/history/daily-summary';
import { DAY_MS, dayOf } from '../../src/domain/history/history-days';
import { forecastEntryOf, forecastRecord } from '../../src/storage/forecast-schema';
import { anySprintsAsOf, issuesAsOf } from '../preview/demo-as-of';
import { csvField } from './report-csv';

const isIssue = (v: unknown): v is { key: string; fields: Record<string, unknown> } =>
  typeof v === 'object' &&
  v !== null &&
  'key' in v &&
  typeof v.key === 'string' &&
  'fields' in v &&
  typeof v.fields === 'object' &&
  v.fields !== null;

function summaryAt(
  config: ProgramConfig,
  input: ProgramInput,
  issues: readonly unknown[],
  atMs: number,
  epicOrder: readonly string[],
) {
  const { analysis, forecast } = new ProgramAnalyser(config, input)
    .addIssues(issues)
    .analyseAndForecast({ now: atMs, epicOrder });
  return dailySummary({
    day: dayOf(atMs),
    computedAt: new Date(atMs).toISOString(),
    teams: analysis.teams,
    matrix: analysis.matrix.cells,
    levels: analysis.impediments.perLevel.map((l) => l.level),
    impediments: analysis.impediments.open.map((o) => ({ team: o.team ?? null, level: o.level })),
    cycles: analysis.cycles.length,
    criticalPathLength: analysis.criticalPath.length,
    epics: analysis.priority.epics,
    forecasts: forecast.epics.map((e) => forecastEntryOf(forecastRecord(e))),
  });
}

/** The summaries of `now` and of each of the `weeks` weeks before it, oldest first. */
export function historySummaries(
  config: ProgramConfig,
  input: ProgramInput,
  nowMs: number,
  epicOrder: readonly string[],
  weeks: number,
): DailySummary[] {
  const all = [...input.issues];
  const dated = all.filter(isIssue);
  const sprintList = input.sprints === undefined ? undefined : [...input.sprints];
  const out: DailySummary[] = [];
  for (let week = weeks; week >= 0; week--) {
    const at = nowMs - week * 7 * DAY_MS;
    // Today is the data as read; earlier days leave out what did not exist yet and reopen what was open.
    if (week === 0) {
      out.push(summaryAt(config, { ...input, sprints: sprintList }, all, at, epicOrder));
      continue;
    }
    const sprints = sprintList === undefined ? undefined : anySprintsAsOf(sprintList, at);
    out.push(summaryAt(config, { ...input, sprints }, issuesAsOf(dated, at), at, epicOrder));
  }
  return out;
}

export function historyJson(summaries: readonly DailySummary[]): string {
  return `${JSON.stringify({ days: summaries }, null, 2)}\n`;
}

/** One line per day and team (RFC 4180, CRLF), open impediments per level of the newest ladder. */
export function historyCsv(summaries: readonly DailySummary[]): string {
  const levels = summaries.at(-1)?.levels ?? [];
  const header = [
    'day',
    'team',
    'horizon_sprints',
    'ready_share',
    'velocity',
    'conflicts_suffered',
    'conflicts_caused',
    ...levels.map((l) => `impediments_${l}`),
  ];
  const lines = summaries.flatMap((s) =>
    s.teams.map((t) =>
      [
        s.day,
        t.team,
        t.horizonSprints,
        t.readyShare,
        t.velocity,
        t.conflictsSuffered,
        t.conflictsCaused,
        ...levels.map((l) => {
          const i = s.levels.indexOf(l);
          return i < 0 ? 0 : (t.impediments[i] ?? 0);
        }),
      ]
        .map(csvField)
        .join(','),
    ),
  );
  return [header.map(csvField).join(','), ...lines].map((l) => `${l}\r\n`).join('');
}
