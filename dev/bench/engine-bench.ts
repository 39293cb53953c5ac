/**
 * Engine benchmark (issue 3): per program size, one JSON line
 * `{ issues, links, parseMs, analysisMs, analysisToParseRatio, peakRssMb, ... }`. The payload is written
 * to a temporary directory first; then fresh child processes parse and analyse it, so peak RSS is that
 * size's alone (generation is not counted). One run's ratio varies by about 10 %, so {@link ENGINE_RUNS}
 * children run per size and the line carries each figure's median (peak RSS: the largest), with every
 * run's ratios beside it. Standalone: `tsx dev/bench/engine-bench.ts [--sizes 10000,50000]`.
 */
import { execFileSync } from 'node:child_process';
import { z } from 'zod';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBenchSizes } from './bench-sizes';
import { median } from './median';
import { writeBenchPayload } from './engine/bench-payload';

const CHILD = join(__dirname, 'engine', 'measure-engine.ts');

/** Cold child processes per size (each parses and analyses the same payload from scratch). */
export const ENGINE_RUNS = 3;

const RunSchema = z.object({
  issues: z.number(),
  links: z.number(),
  parseMs: z.number(),
  analysisMs: z.number(),
  analysisToParseRatio: z.number(),
  forecastMs: z.number(),
  forecastToAnalysisRatio: z.number(),
  peakRssMb: z.number(),
});
type Run = z.infer<typeof RunSchema>;

/** One line from the runs: each figure's median, the largest peak RSS, and every run's ratios. */
export function summariseRuns(runs: readonly Run[]) {
  const of = (pick: (run: Run) => number) => median(runs.map(pick));
  return {
    issues: of((r) => r.issues),
    links: of((r) => r.links),
    parseMs: of((r) => r.parseMs),
    analysisMs: of((r) => r.analysisMs),
    analysisToParseRatio: of((r) => r.analysisToParseRatio),
    forecastMs: of((r) => r.forecastMs),
    forecastToAnalysisRatio: of((r) => r.forecastToAnalysisRatio),
    peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
    analysisToParseRatioRuns: runs.map((r) => r.analysisToParseRatio),
    forecastToAnalysisRatioRuns: runs.map((r) => r.forecastToAnalysisRatio),
  };
}

export function runEngineBench(sizes: number[]): Promise<void> {
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), `engine-bench-${size}-`));
    try {
      const payload = writeBenchPayload(dir, size);
      const runs: Run[] = [];
      for (let run = 0; run < ENGINE_RUNS; run++) {
        const line = execFileSync(process.execPath, ['--import', 'tsx', CHILD, dir, String(payload.links)], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
          maxBuffer: 1 << 20,
        });
        runs.push(RunSchema.parse(JSON.parse(line)));
      }
      process.stdout.write(`${JSON.stringify(summariseRuns(runs))}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return Promise.resolve();
}

if (require.main === module) {
  void runEngineBench(parseBenchSizes(process.argv.slice(2)));
}
