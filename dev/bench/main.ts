/**
 * `npm run bench`: the engine benchmark (issue 3), then the gateway benchmark (issue 4), one JSON line
 * per program size each. `--sizes 10000,50000` narrows the sizes; `--only engine|gateway` runs one.
 */
import { parseBenchSizes } from './bench-sizes';
import { runEngineBench } from './engine-bench';
import { runGatewayBench } from './gateway-bench';

const BENCHES = { engine: runEngineBench, gateway: runGatewayBench } as const;

function selectedBenches(argv: readonly string[]): Array<keyof typeof BENCHES> {
  const index = argv.indexOf('--only');
  if (index < 0) return ['engine', 'gateway'];
  const only = argv[index + 1];
  if (only !== 'engine' && only !== 'gateway') {
    console.error(`--only: expected engine or gateway, got "${only ?? ''}"`);
    process.exit(2);
  }
  return [only];
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const sizes = parseBenchSizes(argv);
  for (const name of selectedBenches(argv)) await BENCHES[name](sizes);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
