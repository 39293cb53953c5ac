/** Starts the emulator worker and reaches it over HTTP: its stats through `/__emulator/stats`. */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import type { EmulatorReady } from './emulator-worker';

const ReadySchema = z.object({
  url: z.string(),
  projectKeys: z.array(z.string()),
  issueKeys: z.array(z.string()),
});
const StatsSchema = z.looseObject({ total: z.number() });

export interface EmulatorThread extends EmulatorReady {
  requestCount(): Promise<number>;
  close(): Promise<void>;
}

export async function startEmulatorThread(options: {
  issues: number;
  teams: number;
  seed: number;
  latencyMs: number;
}): Promise<EmulatorThread> {
  // Workers do not inherit tsx's loader: register its CommonJS hook first, then load the TypeScript file.
  const entry = JSON.stringify(join(__dirname, 'emulator-worker.ts'));
  const worker = new Worker(`require('tsx/cjs'); require(${entry});`, { eval: true, workerData: options });
  const ready = await new Promise<EmulatorReady>((resolve, reject) => {
    worker.once('message', (message: unknown) => resolve(ReadySchema.parse(message)));
    worker.once('error', reject);
  });
  return {
    ...ready,
    async requestCount() {
      // A pooled connection the emulator closed as idle (a loaded machine delays timers) resets once
      // reused: ask again, a few times, rather than lose a five-minute run.
      for (let attempt = 1; ; attempt++) {
        try {
          const response = await fetch(`${ready.url}/__emulator/stats`);
          return StatsSchema.parse(await response.json()).total;
        } catch (error) {
          if (attempt >= 4) throw error;
        }
      }
    },
    async close() {
      await worker.terminate();
    },
  };
}
