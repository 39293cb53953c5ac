import {
  detectSlips,
  reconcileSlips,
  slipHash,
  type SlipAlertState,
} from '../../../src/domain/alerts/slip-alerts';
import type { ForecastEntry } from '../../../src/domain/forecast/forecast-entry';
import type { OpenDependency } from '../../../src/domain/graph/open-dependencies';

function dependency(from: string, to: string, status: OpenDependency['status']): OpenDependency {
  return {
    from,
    to,
    fromTeam: from.split('-')[0] ?? '',
    toTeam: to.split('-')[0] ?? '',
    crossTeam: true,
    status,
    fromSprint: status === 'conflict' && from.endsWith('9') ? undefined : 'Sprint 8',
    toSprint: 'Sprint 7',
  };
}

function epic(key: string, dueDate: string | null, p85Date: string | null): ForecastEntry {
  return {
    key,
    team: 'A',
    p50Sprint: 1,
    p85Sprint: p85Date === null ? null : 2,
    p95Sprint: null,
    p50Date: '2026-12-01',
    p85Date,
    p95Date: null,
    dueDate,
    pOnTime: dueDate === null ? null : 0.5,
    drivenBy: [],
    unforecastable: null,
    unestimatedItems: 0,
  };
}

const T1 = '2026-12-01T09:00:00.000Z';
const T2 = '2026-12-02T09:00:00.000Z';
const T3 = '2026-12-03T09:00:00.000Z';

describe('slip detection', () => {
  it('finds dependencies in conflict, including an unplanned prerequisite, and nothing else', () => {
    const slips = detectSlips(
      [
        dependency('A-1', 'B-1', 'conflict'),
        dependency('A-9', 'B-2', 'conflict'),
        dependency('A-2', 'B-3', 'at-risk'),
      ],
      [],
    );
    expect(slips.map((s) => s.id)).toEqual(['dep:A-1>B-1', 'dep:A-9>B-2']);
    expect(slips[1]?.detail).toContain('is not planned in a sprint');
    expect(slips[0]).toMatchObject({ kind: 'dependency', key: 'B-1', prerequisite: 'A-1' });
  });

  it('finds epics whose P85 lands after their due date or beyond the horizon', () => {
    const slips = detectSlips(
      [],
      [
        epic('E-1', '2026-12-10', '2026-12-11'),
        epic('E-2', '2026-12-10', '2026-12-10'),
        epic('E-3', null, '2027-03-01'),
        epic('E-4', '2026-12-10', null),
      ],
    );
    expect(slips.map((s) => s.id)).toEqual(['due:E-1', 'due:E-4']);
    expect(slips[1]?.detail).toContain('beyond the forecast horizon');
  });
});

describe('slip alerts across analyses', () => {
  const conflict = detectSlips([dependency('A-1', 'B-1', 'conflict')], []);
  const late = detectSlips([], [epic('E-1', '2026-12-10', '2026-12-24')]);

  it('records what the first analysis finds without raising an alert for it', () => {
    const first = reconcileSlips(undefined, conflict, T1);
    expect(first.raised).toEqual([]);
    expect(first.next.seen).toEqual([slipHash('dep:A-1>B-1')]);
  });

  it('raises a new slip once, however many analyses see it', () => {
    const first = reconcileSlips(undefined, [], T1);
    const second = reconcileSlips(first.next, late, T2);
    expect(second.raised.map((a) => a.id)).toEqual(['due:E-1']);
    expect(second.raised[0]?.raisedAt).toBe(T2);
    const third = reconcileSlips(second.next, late, T3);
    expect(third.raised).toEqual([]);
    expect(third.next.open.map((a) => [a.id, a.raisedAt])).toEqual([['due:E-1', T2]]);
  });

  it('resolves the alert when the slip clears, and raises it again if it comes back', () => {
    const base: SlipAlertState = { seen: [], open: [], resolved: [] };
    const raised = reconcileSlips(base, conflict, T1);
    const cleared = reconcileSlips(raised.next, [], T2);
    expect(cleared.resolved.map((a) => [a.id, a.resolvedAt])).toEqual([['dep:A-1>B-1', T2]]);
    expect(cleared.next.open).toEqual([]);
    expect(cleared.next.resolved[0]?.id).toBe('dep:A-1>B-1');
    const again = reconcileSlips(cleared.next, conflict, T3);
    expect(again.raised.map((a) => a.id)).toEqual(['dep:A-1>B-1']);
  });

  it('keeps at most 200 open alerts', () => {
    const many = detectSlips(
      Array.from({ length: 250 }, (_, i) => dependency(`A-${i}0`, `B-${i}`, 'conflict')),
      [],
    );
    const next = reconcileSlips({ seen: [], open: [], resolved: [] }, many, T1).next;
    expect(next.open).toHaveLength(200);
    expect(next.seen).toHaveLength(250);
  });
});
