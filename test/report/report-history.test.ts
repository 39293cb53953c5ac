/**
 * `npm run report -- --history`: the daily summaries for the data the report reads (issue 14, item 5),
 * today's from the data as read and each week back from the issues' own dates, as JSON and as CSV with
 * one line per day and team.
 */
import { join } from 'node:path';
import { DEMO_NOW } from '../../dev/emulator/demo/demo-facts';
import { parseReportArgs, UsageError } from '../../dev/report/cli-args';
import { runReport } from '../../dev/report/main';

const DEMO = join(__dirname, '../../dev/data/demo-program.json');
const run = (extra: string[]) =>
  runReport(parseReportArgs(['--data', DEMO, '--now', DEMO_NOW, ...extra], {}));

interface Day {
  day: string;
  levels: string[];
  teams: Array<{
    team: string;
    horizonSprints: number | null;
    readyShare: number | null;
    impediments: number[];
  }>;
  program: { cycles: number; topEpics: Array<{ key: string; p85Sprint: number | null }> };
}

describe('report --history', () => {
  let days: Day[];
  let report: {
    teams: Array<{ team: string; horizonSprints: number | null; readyItems: number; backlogItems: number }>;
  };
  beforeAll(async () => {
    days = (JSON.parse(await run(['--history', '--weeks', '2'])) as { days: Day[] }).days;
    report = JSON.parse(await run([])) as typeof report;
  });

  it('gives today and each week back, oldest first, every team each day', () => {
    expect(days.map((d) => d.day)).toEqual(['2026-11-06', '2026-11-13', '2026-11-20']);
    for (const d of days) expect(d.teams.map((t) => t.team)).toEqual(['CHK', 'MOB', 'PAY', 'PLAT', 'SRCH']);
    expect(days.at(-1)?.program.topEpics).toHaveLength(10);
  });

  it('summarises today exactly as the report reads the data', () => {
    const today = days.at(-1);
    for (const t of report.teams) {
      const s = today?.teams.find((x) => x.team === t.team);
      expect(s?.horizonSprints).toBe(t.horizonSprints);
      expect(s?.readyShare).toBe(Math.round((t.readyItems / t.backlogItems) * 1000) / 1000);
    }
  });

  it('leaves out of an earlier day what did not exist yet: PAY-93, raised a day ago, is not open at Team a week ago', () => {
    const team = (d: Day | undefined) => d?.teams.find((t) => t.team === 'PAY')?.impediments[0];
    expect(team(days.at(-1))).toBe(1);
    expect(team(days.at(-2))).toBe(0);
  });

  it('prints CSV with one line per day and team, and the open impediments per level', async () => {
    const lines = (await run(['--history', '--weeks', '2', '--format', 'csv'])).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      'day,team,horizon_sprints,ready_share,velocity,conflicts_suffered,conflicts_caused,impediments_Team,impediments_Scrum of Scrums,impediments_Scrum of Scrums of Scrums,impediments_Executive Action Team',
    );
    expect(lines).toHaveLength(1 + 3 * 5);
    const pay = lines.find((l) => l.startsWith('2026-11-20,PAY,'))?.split(',');
    const today = days.at(-1)?.teams.find((t) => t.team === 'PAY');
    expect(pay?.slice(7).map(Number)).toEqual(today?.impediments);
  });

  it('names the flag at fault', () => {
    const parse = (argv: string[]) => () => parseReportArgs(['--data', DEMO, ...argv], {});
    expect(parse(['--weeks', '3'])).toThrow(new UsageError('--weeks: only with --history'));
    expect(parse(['--history', '--format', 'md'])).toThrow(
      new UsageError('--format: --history prints json or csv, not md'),
    );
    expect(parse(['--history', '--weeks', '0'])).toThrow(/^--weeks: expected a whole number from 1 to 52/);
    expect(parse(['--history', '--history'])).toThrow(new UsageError('--history: given twice'));
  });
});
