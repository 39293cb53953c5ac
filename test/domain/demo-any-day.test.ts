/**
 * The demo never goes stale: built around any "now" (the preview passes the moment it starts), the
 * demo program gives the same answers as around DEMO_NOW, every date moved by the same offset.
 */
import { demoProgram } from '../../dev/emulator';
import { DEMO_NOW } from '../../dev/emulator/demo/demo-facts';
import { analyseProgram } from '../../src/domain/analyse-program';

const DAY = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The analysis as JSON, with every date turned into "ms since the demo's now". */
function answersAround(nowMs: number): unknown {
  const now = new Date(nowMs).toISOString();
  // The trail is a query function, not an answer: JSON drops it.
  const analysis = analyseProgram(demoProgram(now), {}, { now });
  return JSON.parse(
    JSON.stringify(analysis, (_key, value: unknown) =>
      typeof value === 'string' && ISO_DATE.test(value)
        ? `now${Date.parse(value) - nowMs >= 0 ? '+' : ''}${Date.parse(value) - nowMs}`
        : value,
    ),
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
