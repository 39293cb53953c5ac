import { boardCsv } from '../../src/domain/views/board-csv';
import { filterAndSort, pageOf } from '../../src/domain/views/board-query';
import { moveEpic } from '../../src/shared/epic-move';
import { trailOverEdges } from '../../src/domain/views/trail-over-edges';
import type { BoardEpic } from '../../src/shared/contract';

const epic = (key: string, rank: number, extra: Partial<BoardEpic> = {}): BoardEpic => ({
  key,
  summary: `${key} summary`,
  team: key.split('-')[0] ?? '',
  statusName: 'To Do',
  statusCategory: 'new',
  rank,
  suggestedRank: rank,
  moveReason: null,
  wsjf: rank,
  wsjfProblem: null,
  readiness: 50,
  readyPoints: 1,
  openPoints: 2,
  openChildren: 1,
  readyChildren: 0,
  depsIn: 0,
  depsOut: 0,
  conflicts: 0,
  inCycle: false,
  critical: false,
  impediments: 0,
  inversion: false,
  unblocksTeams: 0,
  unblocksItems: 0,
  forecast: null,
  ...extra,
});

describe('the views’ pure helpers', () => {
  it('moves an epic to the top, the bottom and next to another, and refuses unknown keys', () => {
    const order = ['A-1', 'A-2', 'A-3', 'A-4'];
    expect(moveEpic(order, { key: 'A-1', to: 'bottom' })).toEqual(['A-2', 'A-3', 'A-4', 'A-1']);
    expect(moveEpic(order, { key: 'A-4', to: 'top' })).toEqual(['A-4', 'A-1', 'A-2', 'A-3']);
    expect(moveEpic(order, { key: 'A-1', to: 'after', anchor: 'A-3' })).toEqual(['A-2', 'A-3', 'A-1', 'A-4']);
    expect(moveEpic(order, { key: 'A-4', to: 'before', anchor: 'A-2' })).toEqual([
      'A-1',
      'A-4',
      'A-2',
      'A-3',
    ]);
    expect(moveEpic(order, { key: 'A-9', to: 'top' })).toBeUndefined();
  });

  it('gives the same order when the same absolute move is applied twice', () => {
    const once = moveEpic(['A-1', 'A-2', 'A-3', 'A-4'], { key: 'A-4', to: 'before', anchor: 'A-3' }) ?? [];
    expect(moveEpic(once, { key: 'A-4', to: 'before', anchor: 'A-3' })).toEqual(once);
  });

  it('keeps rank order among ties when sorting, and clamps the page', () => {
    const rows = [epic('A-1', 1, { wsjf: 5 }), epic('B-1', 2, { wsjf: 5 }), epic('A-2', 3, { wsjf: 9 })];
    expect(filterAndSort(rows, { sort: 'wsjf', order: 'desc' }).map((r) => r.key)).toEqual([
      'A-2',
      'A-1',
      'B-1',
    ]);
    expect(filterAndSort(rows, { team: 'B' }).map((r) => r.key)).toEqual(['B-1']);
    expect(pageOf(rows, 9, 2)).toEqual({ rows: [rows[2]], page: 2 });
  });

  const forecast = (p85Date: string | null, unforecastable: string | null = null) => ({
    p50Date: p85Date === null ? null : '2026-12-01',
    p85Date,
    dueDate: null,
    pOnTime: null,
    unforecastable,
  });
  const forecastRows = [
    epic('A-1', 1, { forecast: forecast(null, 'in a dependency cycle with B-9') }),
    epic('A-2', 2, { forecast: null }),
    epic('A-3', 3, { forecast: forecast('2027-02-05') }),
    epic('A-4', 4, { forecast: forecast(null) }),
    epic('A-5', 5, { forecast: forecast('2026-12-18') }),
    epic('A-6', 6, { forecast: forecast('2027-02-05') }),
  ];

  it('sorts by the P85 date either way, beyond the horizon then unforecastable then unforecast last', () => {
    const keys = (order: 'asc' | 'desc') =>
      filterAndSort(forecastRows, { sort: 'forecast', order }).map((r) => r.key);
    expect(keys('asc')).toEqual(['A-5', 'A-3', 'A-6', 'A-4', 'A-1', 'A-2']);
    expect(keys('desc')).toEqual(['A-3', 'A-6', 'A-5', 'A-4', 'A-1', 'A-2']);
  });

  it('puts the P50 and P85 dates in the CSV, or why an epic has none', () => {
    const [header, ...lines] = boardCsv(forecastRows).trim().split('\r\n');
    expect(header).toMatch(/"Forecast P50","Forecast P85"$/);
    expect(lines.map((l) => l.split(',').slice(-2).join(','))).toEqual([
      '"unforecastable: in a dependency cycle with B-9","unforecastable: in a dependency cycle with B-9"',
      '"",""',
      '"2026-12-01","2027-02-05"',
      '"beyond the horizon","beyond the horizon"',
      '"2026-12-01","2026-12-18"',
      '"2026-12-01","2027-02-05"',
    ]);
  });

  it('quotes CSV fields and defuses text a spreadsheet would run as a formula', () => {
    const csv = boardCsv([epic('A-1', 1, { summary: '=HYPERLINK("x") "quoted"' })]);
    expect(csv.split('\r\n')[1]).toContain(`"'=HYPERLINK(""x"") ""quoted"""`);
  });

  it('walks a trail with depth, never through hidden issues, and stops at cycles', () => {
    const edges = [
      { from: 'B', to: 'A', status: 'conflict' },
      { from: 'C', to: 'B', status: 'healthy' },
      { from: 'A', to: 'C', status: 'at-risk' },
      { from: 'H', to: 'A', status: 'healthy' },
      { from: 'X', to: 'H', status: 'healthy' },
    ];
    const { steps, hidden } = trailOverEdges(edges, 'A', 'upstream', (k) => k !== 'H');
    expect(steps).toEqual([
      { key: 'B', depth: 1, via: 'A', status: 'conflict' },
      { key: 'C', depth: 2, via: 'B', status: 'healthy' },
    ]);
    expect([...hidden]).toEqual(['H']);
  });
});
