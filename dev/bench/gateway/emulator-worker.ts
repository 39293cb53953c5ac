/**
 * The benchmark's Jira: the emulator with a synthetic program, in its own thread, so that Jira's work
 * (rendering thousands of issues) does not share a thread with the app's, as it never would in Forge.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { startEmulator, syntheticProgram } from '../../emulator';

const InputSchema = z.object({
  issues: z.number().int(),
  teams: z.number().int(),
  seed: z.number().int(),
  latencyMs: z.number(),
});

export interface EmulatorReady {
  url: string;
  projectKeys: string[];
  issueKeys: string[];
}

async function main(): Promise<void> {
  const input = InputSchema.parse(workerData);
  const dataset = syntheticProgram({ issues: input.issues, teams: input.teams, seed: input.seed });
  // Pages are served from issues serialised once (keeping Jira's rendering off the app's cores), and
  // the program changes only through HTTP, as prerendering requires.
  const emulator = await startEmulator({ dataset, port: 0, latencyMs: input.latencyMs, prerender: true });
  const ready: EmulatorReady = {
    url: emulator.url,
    projectKeys: dataset.projects.map((p) => p.key),
    issueKeys: dataset.issues.map((i) => i.key),
  };
  parentPort?.postMessage(ready);
}

void main();
