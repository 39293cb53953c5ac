import { forecastEntryOf, forecastRecord } from '../../../src/storage/forecast-schema';
import { forecastOf } from './forecast-fixtures';

const A = { key: 'A', board: 1, cadenceDays: 14, completed: [3, 9, 5], activeStartDay: -4 };

describe('the stored forecast record', () => {
  it('decodes back to the same entry, forecastable or not', () => {
    const { forecast } = forecastOf(
      [A],
      [
        { key: 'A-20', type: 'Epic', due: '2027-01-15' },
        { key: 'A-1', parent: 'A-20', points: 8, due: '2026-12-20' },
        { key: 'A-2', parent: 'A-20' },
        { key: 'A-3', points: 2 },
        { key: 'A-4', points: 2 },
        { key: 'A-5', points: 1 },
      ],
      [
        ['A-1', 'A-2'],
        ['A-3', 'A-4'],
        ['A-4', 'A-3'],
      ],
    );
    const entries = [...forecast.items, ...forecast.epics];
    expect(entries.some((e) => e.unforecastable !== null)).toBe(true);
    expect(entries.some((e) => e.drivenBy.length > 0)).toBe(true);
    for (const entry of entries) expect(forecastEntryOf(forecastRecord(entry))).toEqual(entry);
  });
});
