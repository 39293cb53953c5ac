import {
  addDays,
  DAILY_DAYS,
  dayAtOrBefore,
  dayNumber,
  KEEP_DAYS,
  thinDays,
  weekOf,
} from '../../src/domain/history/history-days';

const TODAY = '2026-11-30';
const daysBack = (n: number) => Array.from({ length: n }, (_, i) => addDays(TODAY, -i));

describe('which days the history keeps', () => {
  it('keeps the last 63 days day by day', () => {
    const { keep, drop } = thinDays(daysBack(DAILY_DAYS), TODAY);
    expect(keep).toHaveLength(DAILY_DAYS);
    expect(drop).toEqual([]);
  });

  it('thins older days to the latest stored day of each ISO week (Monday to Sunday)', () => {
    const days = ['2026-08-03', '2026-08-05', '2026-08-09', '2026-08-10', '2026-08-12'];
    // 2026-08-03 is a Monday: the 3rd-9th is one week, the 10th-12th the next.
    expect(weekOf('2026-08-03')).toBe(weekOf('2026-08-09'));
    expect(weekOf('2026-08-10')).not.toBe(weekOf('2026-08-09'));
    expect(thinDays(days, TODAY)).toEqual({
      keep: ['2026-08-09', '2026-08-12'],
      drop: ['2026-08-03', '2026-08-05', '2026-08-10'],
    });
  });

  it('drops days older than 420 days and keeps at least 400 days of weekly history', () => {
    const { keep, drop } = thinDays(daysBack(600), TODAY);
    const oldest = keep[0] ?? TODAY;
    expect(dayNumber(TODAY) - dayNumber(oldest)).toBeGreaterThanOrEqual(400);
    expect(dayNumber(TODAY) - dayNumber(oldest)).toBeLessThanOrEqual(KEEP_DAYS);
    expect(drop.every((d) => dayNumber(TODAY) - dayNumber(d) >= DAILY_DAYS)).toBe(true);
    // 63 daily days plus about one a week for the rest of the 420 days.
    expect(keep.length).toBeLessThanOrEqual(DAILY_DAYS + Math.ceil((KEEP_DAYS - DAILY_DAYS) / 7) + 1);
  });

  it('is deterministic and stable: thinning its own result again, a day later, drops no weekly day', () => {
    const first = thinDays(daysBack(500), TODAY);
    expect(thinDays([...daysBack(500)].reverse(), TODAY)).toEqual(first);
    const again = thinDays(first.keep, TODAY);
    expect(again).toEqual({ keep: first.keep, drop: [] });
    const tomorrow = thinDays([...first.keep, addDays(TODAY, 1)], addDays(TODAY, 1));
    const weeklyBefore = first.keep.filter((d) => dayNumber(TODAY) - dayNumber(d) >= DAILY_DAYS);
    expect(weeklyBefore.filter((d) => !tomorrow.keep.includes(d))).toEqual([]);
  });
});

describe('which stored day stands for a date', () => {
  const days = ['2026-10-01', '2026-10-05', '2026-10-09'];
  it('takes the latest day on or before it, within six days', () => {
    expect(dayAtOrBefore(days, '2026-10-05')).toBe('2026-10-05');
    expect(dayAtOrBefore(days, '2026-10-08')).toBe('2026-10-05');
    expect(dayAtOrBefore(days, '2026-10-15')).toBe('2026-10-09');
    expect(dayAtOrBefore(days, '2026-10-16')).toBeUndefined();
    expect(dayAtOrBefore(days, '2026-09-30')).toBeUndefined();
  });
});
