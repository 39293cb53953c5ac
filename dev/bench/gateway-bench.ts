/**
 * The gateway benchmark: per program size, one JSON line with the Jira request count against its floor
 * (ceil(issues / 100)), the fetch wall time against its floor (fetchFloorMs: the larger of
 * ceil(pages / parallelism) x latency and the time to JSON.parse the same pages), the snapshot's
 * size and chunk count, and the requests of an incremental refresh after ten issues changed.
 * Targets: requestRatio <= 1.05, fetchRatio <= 1.25 at parallelism 8, incrementalRequests <= 3.
 * Standalone: `npx tsx dev/bench/gateway-bench.ts [--sizes 10000,50000]`.
 */
import { parseBenchSizes } from './bench-sizes';
import { runGatewayBenchOnce } from './gateway/bench-run';

export const GATEWAY_BENCH_DEFAULTS = { teams: 12, latencyMs: 100, parallelism: 8 } as const;

export async function runGatewayBench(sizes: number[]): Promise<void> {
  for (const issues of sizes) {
    const line = await runGatewayBenchOnce({ issues, ...GATEWAY_BENCH_DEFAULTS });
    console.log(JSON.stringify({ bench: 'gateway', ...line }));
  }
}

if (require.main === module) {
  runGatewayBench(parseBenchSizes(process.argv.slice(2))).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
