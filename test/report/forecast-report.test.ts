import { reportCsv } from '../../dev/report/report-csv';
import { reportJson } from '../../dev/report/report-json';
import { reportMarkdown } from '../../dev/report/report-markdown';
import { dayAfterNow, forecastOf } from '../domain/forecast/forecast-fixtures';

// Three teams with constant velocity and different cadences (sprint 1 = the active sprint):
// A: 14 days, NOW-4d .. NOW+10d, 10 points. B: 7 days, NOW-2d .. NOW+5d, 4 points.
// C: 21 days, NOW-10d .. NOW+11d, 6 points.
const A = { key: 'A', board: 1, cadenceDays: 14, completed: [10, 10, 10], activeStartDay: -4 };
const B = { key: 'B', board: 2, cadenceDays: 7, completed: [4, 4, 4], activeStartDay: -2 };
const C = { key: 'C', board: 3, cadenceDays: 21, completed: [6, 6, 6], activeStartDay: -10 };

const { analysis, forecast } = forecastOf(
  [A, B, C],
  [
    { key: 'A-20', type: 'Epic', rank: 'a', due: dayAfterNow(24) },
    { key: 'B-20', type: 'Epic', rank: 'b' },
    { key: 'C-20', type: 'Epic', rank: 'c', due: dayAfterNow(30) },
    { key: 'A-1', parent: 'A-20', points: 8, rank: 'a' },
    { key: 'A-2', parent: 'A-20', points: 4, rank: 'b' },
    { key: 'B-1', parent: 'B-20', points: 2, rank: 'a' },
    { key: 'B-2', parent: 'B-20', points: 3, rank: 'b' },
    { key: 'C-1', parent: 'C-20', points: 5, rank: 'a' },
    { key: 'C-2', parent: 'C-20', points: 6, rank: 'b' },
  ],
  [
    ['A-1', 'B-2'],
    ['B-1', 'C-2'],
  ],
);

const entry = (key: string, team: string, sprint: number, day: number, extra: object = {}) => ({
  key,
  team,
  p50Sprint: sprint,
  p85Sprint: sprint,
  p95Sprint: sprint,
  p50Date: dayAfterNow(day),
  p85Date: dayAfterNow(day),
  p95Date: dayAfterNow(day),
  dueDate: null,
  pOnTime: null,
  drivenBy: [],
  unforecastable: null,
  unestimatedItems: 0,
  ...extra,
});

describe('the report forecast of a hand-checked program of three cadences', () => {
  const section = reportJson(analysis, forecast).forecast;
  if (section === undefined) throw new Error('the report has no forecast section');
  const json = section;

  it('forecasts every item as the flow rule plays it by hand', () => {
    expect(json.items).toEqual([
      // A, 10/sprint: A-1 (8) in sprint 1 (ends +10); A-2 gets 2 then its last 2 in sprint 2 (+24).
      entry('A-1', 'A', 1, 10),
      entry('A-2', 'A', 2, 24),
      // B, 4/sprint, sprints end +5, +12, +19: B-1 in sprint 1; B-2 needs A-1 (ends +10), so only
      // B's sprint 3 (starts +12) may work it.
      entry('B-1', 'B', 1, 5),
      entry('B-2', 'B', 3, 19, { drivenBy: ['A-1'] }),
      // C, 6/sprint, sprints end +11, +32: C-1 in sprint 1; C-2 needs B-1 (ends +5), after C's
      // sprint 1 started (-10), so sprint 2.
      entry('C-1', 'C', 1, 11),
      entry('C-2', 'C', 2, 32, { drivenBy: ['B-1'] }),
    ]);
  });

  it('completes each epic with its last child, with P(on time) against its due date', () => {
    expect(json.epics).toEqual([
      entry('A-20', 'A', 2, 24, { dueDate: dayAfterNow(24), pOnTime: 1 }),
      entry('B-20', 'B', 3, 19, { drivenBy: ['A-1'] }),
      entry('C-20', 'C', 2, 32, { dueDate: dayAfterNow(30), pOnTime: 0, drivenBy: ['B-1'] }),
    ]);
    expect(json).toMatchObject({ trials: 2000, seed: 1 });
  });

  it('puts the epic forecasts in the Markdown report and the CSV rows', () => {
    const md = reportMarkdown(analysis, forecast);
    expect(md).toContain(
      `| C-20 | C | sprint 2 (${dayAfterNow(32)}) | sprint 2 (${dayAfterNow(32)}) | sprint 2 (${dayAfterNow(32)}) | ${dayAfterNow(30)} | 0 % | waits for B-1 |`,
    );
    const csv = reportCsv(analysis, forecast).split('\r\n');
    expect(csv.find((line) => line.startsWith('C-1,'))).toMatch(
      new RegExp(`,${dayAfterNow(32)},${dayAfterNow(32)},${dayAfterNow(32)},${dayAfterNow(30)},0$`),
    );
  });
});
