/** `tsx dev/emulator/main.ts [--data file] [--port n] [--latency ms]`: runs the emulator standalone. */
import { demoProgram } from './demo/demo-program';
import { loadDataset } from './dataset/load-dataset';
import { startEmulator } from './http/start-emulator';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const file = option('data');
  const dataset = file === undefined ? demoProgram() : loadDataset(file);
  const emulator = await startEmulator({
    dataset,
    port: Number(option('port') ?? 0),
    latencyMs: Number(option('latency') ?? 0),
  });
  console.log(`Jira emulator listening on ${emulator.url} (${dataset.issues.length} issues)`);
  console.log('Auth: "Bearer app", "Bearer user:<accountId>" or Basic email:token');
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
