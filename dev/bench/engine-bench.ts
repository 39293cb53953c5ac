/**
 * Engine benchmark (issue 3): per program size, one JSON line
 * `{ issues, links, parseMs, analysisMs, analysisToParseRatio, peakRssMb }`. The payload is written to
 * a temporary directory first; then a fresh child process per size parses and analyses it, so peak
 * RSS is that size's alone (generation is not counted). Standalone: `tsx dev/bench/engine-bench.ts
 * [--sizes 10000,50000]`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBenchSizes } from './bench-sizes';
import { writeBenchPayload } from './engine/bench-payload';

const CHILD = join(__dirname, 'engine', 'measure-engine.ts');

export function runEngineBench(sizes: number[]): Promise<void> {
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), `engine-bench-${size}-`));
    try {
      const payload = writeBenchPayload(dir, size);
      const line = execFileSync(process.execPath, ['--import', 'tsx', CHILD, dir, String(payload.links)], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 1 << 20,
      });
      process.stdout.write(line);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return Promise.resolve();
}

if (require.main === module) {
  void runEngineBench(parseBenchSizes(process.argv.slice(2)));
}
