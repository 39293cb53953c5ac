import { summariseRuns } from '../../dev/bench/engine-bench';

const run = (analysisMs: number, parseMs: number, forecastMs: number, peakRssMb: number) => ({
  issues: 10000,
  links: 10000,
  parseMs,
  analysisMs,
  analysisToParseRatio: Math.round((analysisMs / parseMs) * 100) / 100,
  forecastMs,
  forecastToAnalysisRatio: Math.round((forecastMs / analysisMs) * 100) / 100,
  peakRssMb,
});

describe('the engine benchmark line of several cold runs', () => {
  it('carries each figure median, the largest peak memory and every run ratio in run order', () => {
    const line = summariseRuns([
      run(400, 400, 1200, 130),
      run(300, 500, 1500, 150),
      run(900, 450, 1300, 120),
    ]);
    expect(line).toMatchObject({
      issues: 10000,
      parseMs: 450,
      analysisMs: 400,
      analysisToParseRatio: 1,
      forecastMs: 1300,
      forecastToAnalysisRatio: 3,
      peakRssMb: 150,
      analysisToParseRatioRuns: [1, 0.6, 2],
      forecastToAnalysisRatioRuns: [3, 5, 1.44],
    });
  });

  it('reads one run as itself', () => {
    expect(summariseRuns([run(300, 600, 900, 100)])).toMatchObject({
      analysisToParseRatio: 0.5,
      forecastToAnalysisRatio: 3,
      analysisToParseRatioRuns: [0.5],
    });
  });
});
