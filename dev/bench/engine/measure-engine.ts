/**
 * Child process of the engine benchmark (one per size, so peak RSS is this size's alone): reads the
 * payload pages written by bench-payload.ts, times `JSON.parse` of every page (parseMs) and, apart,
 * the engine's work on the parsed pages (analysisMs), then prints one JSON line to stdout.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ProgramAnalyser } from '../../../src/domain/analyse-program';
import { analyseModel } from '../../../src/domain/analyse-model';
import { forecastProgram } from '../../../src/domain/forecast/forecast-program';
import { buildDependencyGraph } from '../../../src/domain/graph/dependency-graph';

const PageSchema = z.object({ issues: z.array(z.unknown()) });
const MetaSchema = z.object({
  fields: z.array(z.unknown()),
  sprints: z.array(z.unknown()),
  issueLinkTypes: z.array(z.unknown()),
  issueProperties: z.unknown(),
});

function main(dir: string, links: number): void {
  const meta = MetaSchema.parse(JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')));
  const pages = readdirSync(dir).filter((f) => f.startsWith('page-')).length;
  let parseMs = 0;
  let analysisMs = 0;
  let issues = 0;
  let t = performance.now();
  const analyser = new ProgramAnalyser({}, meta);
  analysisMs += performance.now() - t;
  for (let p = 0; p < pages; p++) {
    const text = readFileSync(join(dir, `page-${p}.json`), 'utf8');
    t = performance.now();
    const raw: unknown = JSON.parse(text);
    parseMs += performance.now() - t;
    t = performance.now();
    const page = PageSchema.parse(raw);
    analyser.addIssues(page.issues);
    issues += page.issues.length;
    analysisMs += performance.now() - t;
  }
  const normaliseMs = analysisMs;
  t = performance.now();
  const nowMs = Date.parse('2026-11-20T09:00:00.000Z');
  const model = analyser.model(nowMs);
  // As the consumer does (compute-analysis.ts): one dependency graph, built in the analysis, read by both.
  const graph = buildDependencyGraph(model);
  const analysis = analyseModel(model, analyser.config, { nowMs, epicOrder: [], linkTypes: [], graph });
  analysisMs += performance.now() - t;
  // The forecast runs after the analysis, as in the consumer: 2,000 trials (the default), timed apart.
  t = performance.now();
  const forecast = forecastProgram(model, {
    nowMs,
    epicOrder: analysis.priority.order,
    settings: analyser.config.forecast,
    graph,
  });
  const forecastMs = performance.now() - t;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const line = {
    issues,
    links,
    parseMs: Math.round(parseMs),
    analysisMs: Math.round(analysisMs),
    analysisToParseRatio: Math.round((analysisMs / parseMs) * 100) / 100,
    forecastMs: Math.round(forecastMs),
    forecastToAnalysisRatio: Math.round((forecastMs / analysisMs) * 100) / 100,
    peakRssMb: Math.round(peakRssMb),
  };
  console.log(JSON.stringify(line));
  console.error(
    JSON.stringify({
      event: 'engine-bench-detail',
      normaliseMs: Math.round(normaliseMs),
      // Optimisations must not change the result: compare this before and after.
      analysisSha256: createHash('sha256').update(JSON.stringify(analysis)).digest('hex'),
      dependencies: analysis.dependencies.length,
      cycles: analysis.cycles.length,
      readiness: analysis.readiness.length,
      // The forecast's fingerprint: a change to the trials' speed must leave it as it is per seed.
      forecastSha256: createHash('sha256').update(JSON.stringify(forecast)).digest('hex'),
      forecastTrials: forecast.trials,
      forecastItems: forecast.items.length,
      unforecastableItems: forecast.items.filter((i) => i.unforecastable !== null).length,
    }),
  );
}

main(process.argv[2] ?? '.', Number(process.argv[3] ?? 0));
