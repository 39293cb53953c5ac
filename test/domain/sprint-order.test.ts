import { analyseProgram, ProgramAnalyser } from '../../src/domain/analyse-program';
import { sprintOrderStatus } from '../../src/domain/graph/sprint-order';
import { NOW, program, sprint } from './program-fixtures';

const w = (startMs: number, endMs: number) => ({ startMs, endMs });

describe('sprint-order status of an open dependency', () => {
  it('marks a prerequisite scheduled after its dependant as a conflict', () => {
    expect(sprintOrderStatus(w(10, 30), w(0, 20))).toBe('conflict');
  });
  it('marks an unscheduled prerequisite of a scheduled dependant as a conflict', () => {
    expect(sprintOrderStatus(undefined, w(0, 20))).toBe('conflict');
  });
  it('marks overlapping sprints (the same window too) as at-risk', () => {
    expect(sprintOrderStatus(w(0, 10), w(5, 20))).toBe('at-risk');
    expect(sprintOrderStatus(w(0, 10), w(0, 10))).toBe('at-risk');
  });
  it('marks a prerequisite ending on or before the dependant starts as healthy', () => {
    expect(sprintOrderStatus(w(0, 10), w(10, 20))).toBe('healthy');
  });
  it('marks a scheduled prerequisite of an unscheduled dependant as healthy (nothing waits)', () => {
    expect(sprintOrderStatus(w(0, 10), undefined)).toBe('healthy');
  });
  it('marks two unscheduled items as unplanned', () => {
    expect(sprintOrderStatus(undefined, undefined)).toBe('unplanned');
  });

  it('compares dates, so a one-week and a three-week cadence order correctly', () => {
    const threeWeeks = sprint(1, 'active', -7, 21);
    const oneWeek = sprint(2, 'future', 21, 7);
    const oneWeekEarly = sprint(3, 'active', -1, 7);
    const a = analyseProgram(
      program(
        [
          { key: 'S-1', sprints: [threeWeeks] },
          { key: 'F-1', sprints: [oneWeek] },
          { key: 'F-2', sprints: [oneWeekEarly] },
          { key: 'F-3', status: 'done', sprints: [oneWeekEarly] },
        ],
        [
          ['S-1', 'F-1'],
          ['S-1', 'F-2'],
          ['F-3', 'S-1'],
        ],
      ),
      {},
      { now: NOW },
    );
    expect(a.dependencies.map((d) => [d.from, d.to, d.status])).toEqual([
      ['S-1', 'F-1', 'healthy'],
      ['S-1', 'F-2', 'conflict'],
    ]);
  });

  it("dates an undated future sprint after its board's active sprint", () => {
    const active = sprint(1, 'active', -3, 14);
    const undated = { id: 2, name: 'Next', state: 'future', boardId: 1 };
    const input = program(
      [
        { key: 'A-1', sprints: [active] },
        { key: 'B-1', sprints: [undated] },
      ],
      [['A-1', 'B-1']],
    );
    const a = analyseProgram(input, {}, { now: NOW });
    // The undated sprint is estimated to start when the active one ends: the prerequisite is on time.
    expect(a.dependencies).toEqual([
      expect.objectContaining({ from: 'A-1', to: 'B-1', status: 'healthy', toSprint: 'Next' }),
    ]);
  });

  it('starts undated future sprints at now when the board has no active sprint and its last closed long ago', () => {
    const DAY = 86_400_000;
    const closed = (id: number, start: string, end: string) => ({
      id,
      name: `Old ${id}`,
      state: 'closed',
      boardId: 7,
      startDate: start,
      endDate: end,
      completeDate: end,
    });
    const sprints = [
      closed(1, '2021-03-01T09:00:00.000Z', '2021-03-15T09:00:00.000Z'),
      closed(2, '2021-03-15T09:00:00.000Z', '2021-03-29T09:00:00.000Z'),
      { id: 3, name: 'Next', state: 'future', boardId: 7 },
      { id: 4, name: 'After', state: 'future', boardId: 7 },
    ];
    const nowMs = Date.parse(NOW);
    const model = new ProgramAnalyser({}, { sprints }).model(nowMs);
    const window = (id: number) => [model.sprints.get(id)?.startMs, model.sprints.get(id)?.endMs];
    expect(window(3)).toEqual([nowMs, nowMs + 14 * DAY]);
    expect(window(4)).toEqual([nowMs + 14 * DAY, nowMs + 28 * DAY]);
    expect(model.sprints.get(3)?.estimated).toBe(true);
  });
});
