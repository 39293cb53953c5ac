/** Program sizes a benchmark runs, from `--sizes 10000,50000` (default 10k, 50k, 100k). */
export const DEFAULT_BENCH_SIZES = [10_000, 50_000, 100_000];

export function parseBenchSizes(argv: readonly string[]): number[] {
  const index = argv.indexOf('--sizes');
  if (index < 0) return DEFAULT_BENCH_SIZES;
  const raw = argv[index + 1] ?? '';
  const sizes = raw.split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) {
    console.error(`--sizes: expected positive integers separated by commas, got "${raw}"`);
    process.exit(2);
  }
  return sizes;
}
