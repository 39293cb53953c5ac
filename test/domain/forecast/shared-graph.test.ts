/**
 * The analysis and the forecast read the same dependency graph: built once per run (it is ~100 ms at
 * 100k issues), and the forecast given the analysis's graph is the forecast it builds for itself.
 */
import { syntheticProgram } from '../../../dev/emulator';
import { DEMO_NOW } from '../../../dev/emulator/demo/demo-facts';
import { ProgramAnalyser } from '../../../src/domain/analyse-program';
import { forecastProgram } from '../../../src/domain/forecast/forecast-program';
import * as dependencyGraph from '../../../src/domain/graph/dependency-graph';

const input = syntheticProgram({ issues: 600, teams: 5, seed: 3 });

afterEach(() => jest.restoreAllMocks());

describe('analyseAndForecast', () => {
  it('builds the dependency graph once and hands it to the forecast', () => {
    const analyser = new ProgramAnalyser({ forecast: { trials: 2000 } }, input).addIssues(input.issues);
    const build = jest.spyOn(dependencyGraph, 'buildDependencyGraph');
    const { analysis, forecast } = analyser.analyseAndForecast({ now: DEMO_NOW });
    expect(build).toHaveBeenCalledTimes(1);
    build.mockRestore();

    const model = analyser.model(Date.parse(DEMO_NOW));
    const alone = forecastProgram(model, {
      nowMs: Date.parse(DEMO_NOW),
      epicOrder: analysis.priority.order,
      settings: analyser.config.forecast,
    });
    expect(forecast.items.some((i) => i.p50Sprint !== null)).toBe(true);
    expect(forecast).toEqual(alone);
  });
});
