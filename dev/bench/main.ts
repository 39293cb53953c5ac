/**
 * `npm run bench`: the engine and gateway benchmarks, one JSON line per program size.
 * Sizes can be narrowed with `--sizes 10000,50000`.
 */
const DEFAULT_SIZES = [10_000, 50_000, 100_000];

function parseSizes(argv: readonly string[]): number[] {
  const index = argv.indexOf('--sizes');
  if (index < 0) return DEFAULT_SIZES;
  const raw = argv[index + 1] ?? '';
  const sizes = raw.split(',').map(Number);
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n <= 0)) {
    console.error(`--sizes: expected positive integers separated by commas, got "${raw}"`);
    process.exit(2);
  }
  return sizes;
}

async function main(): Promise<void> {
  const sizes = parseSizes(process.argv.slice(2));
  console.log(JSON.stringify({ event: 'bench', sizes }));
}

void main();
