/**
 * The demo never goes stale: built around any "now" (the preview passes the moment it starts), the
 * demo program gives the same answers as around DEMO_NOW, every date moved by the same offset.
 */
import { demoProgram } from '../../dev/emulator';
import { DEMO_NOW } from '../../dev/emulator/demo/demo-facts';
import { analyseProgram } from '../../src/domain/analyse-program';

const DAY = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An epoch-ms moment (a `...Ms` field, e.g. the cadence evidence's times), not a duration. */
const EPOCH_MS_KEY = /Ms$/;
const EPOCH_FLOOR = 1e12;

/**
 * The analysis as JSON, with every date turned into "ms since the demo's now": ISO strings, and
 * epoch-ms numbers under `...Ms` keys (single or in a list).
 */
function answersAround(nowMs: number): unknown {
  const now = new Date(nowMs).toISOString();
  const since = (ms: number) => `now${ms - nowMs >= 0 ? '+' : ''}${ms - nowMs}`;
  const moment = (v: unknown) => (typeof v === 'number' && v > EPOCH_FLOOR ? since(v) : v);
  // The trail is a query function, not an answer: JSON drops it.
  const analysis = analyseProgram(demoProgram(now), {}, { now });
  return JSON.parse(
    JSON.stringify(analysis, (key, value: unknown) => {
      if (typeof value === 'string' && ISO_DATE.test(value)) return since(Date.parse(value));
      if (!EPOCH_MS_KEY.test(key)) return value;
      return Array.isArray(value) ? value.map(moment) : moment(value);
    }),
  );
}

describe('the demo program on any day', () => {
  const base = answersAround(Date.parse(DEMO_NOW));

  it.each([
    ['400 days later', 400 * DAY],
    ['30 days earlier', -30 * DAY],
    ['at an odd hour 3 years later', 3 * 365 * DAY + 5 * 3_600_000 + 17 * 60_000],
  ])('gives the same answers %s', (_label, offset) => {
    expect(answersAround(Date.parse(DEMO_NOW) + offset)).toEqual(base);
  });

  it('refuses a now that is not a date', () => {
    expect(() => demoProgram('yesterday')).toThrow(/now must be an ISO date-time/);
  });
});
