/**
 * A reorder preview forecasts a stored basis (the open work and what it waits for, the teams' calendars
 * and median sizes) instead of the whole program: that is only right if the basis forecasts exactly as
 * the program does, under any order, and survives being stored.
 */
import { demoProgram, syntheticProgram } from '../../../dev/emulator';
import { DEMO_NOW } from '../../../dev/emulator/demo/demo-facts';
import { ProgramAnalyser } from '../../../src/domain/analyse-program';
import { forecastBasis } from '../../../src/domain/forecast/forecast-basis';
import { forecastProgram } from '../../../src/domain/forecast/forecast-program';
import type { ProgramModel } from '../../../src/domain/model/program-model';
import {
  ForecastBasisRecordSchema,
  forecastBasisOf,
  forecastBasisRecord,
} from '../../../src/storage/forecast-basis-record';

const nowMs = Date.parse(DEMO_NOW);

function modelOf(input: ReturnType<typeof demoProgram>) {
  const analyser = new ProgramAnalyser({}, input).addIssues(input.issues);
  return { model: analyser.model(nowMs), settings: { ...analyser.config.forecast, trials: 300 } };
}

const openEpics = (model: ProgramModel) =>
  model.items.filter((i) => i.kind === 'epic' && !i.done && !i.external).map((i) => i.key);

describe.each([
  ['the demo program (a cycle, cross-team links, unestimated items, three cadences)', () => demoProgram()],
  [
    'a synthetic program of 3,000 issues in 6 teams',
    () => syntheticProgram({ issues: 3000, teams: 6, seed: 7 }),
  ],
])('the forecast basis of %s', (_name, program) => {
  const { model, settings } = modelOf(program());
  const epics = openEpics(model);
  const orders = [epics, [...epics].reverse(), [...epics.slice(1), ...epics.slice(0, 1)]];
  const basis = forecastBasis(model, { nowMs, settings });

  it('keeps a fraction of the items', () => {
    expect(basis.model.items.length).toBeLessThan(model.items.length);
    expect(basis.model.items.length).toBeGreaterThan(epics.length);
  });

  it.each(orders.map((order, i) => [i, order] as const))(
    'forecasts exactly as the whole program does (order %i)',
    (_i, epicOrder) => {
      const whole = forecastProgram(model, { nowMs, epicOrder, settings });
      expect(whole.epics.some((e) => e.p85Date !== null)).toBe(true);
      expect(forecastProgram(basis.model, { nowMs, epicOrder, settings, basis })).toEqual(whole);
    },
  );

  it('forecasts the same after being stored and read back', () => {
    const record = ForecastBasisRecordSchema.parse(JSON.parse(JSON.stringify(forecastBasisRecord(basis))));
    const read = forecastBasisOf(record);
    const epicOrder = orders[1] ?? [];
    expect(forecastProgram(read.model, { nowMs, epicOrder, settings, basis: read })).toEqual(
      forecastProgram(model, { nowMs, epicOrder, settings }),
    );
  });
});
