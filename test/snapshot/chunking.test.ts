import { randomBytes } from 'node:crypto';
import { syntheticProgram, startEmulator, type RunningEmulator } from '../../dev/emulator';
import { JiraClient } from '../../src/jira/client';
import { forgeTransport } from '../../src/jira/forge-transport';
import { retryPolicyFor } from '../../src/jira/retry-policy';
import { syncProgram } from '../../src/services/program-sync';
import { readProgramIssues } from '../../src/services/snapshot/snapshot-reader';
import { parseProgramConfig } from '../../src/domain/config/program-config';
import { saveProgramConfig } from '../../src/storage/program-config';
import { MAX_VALUE_BYTES, readManifest, writeChunk } from '../../src/storage/snapshot-store';
import { installForgeRuntime, type ForgeRuntimeDouble } from '../doubles/forge-runtime';

describe('snapshot chunks under the real KVS limits', () => {
  const issues = 12_000;
  let emulator: RunningEmulator;
  let forge: ForgeRuntimeDouble;
  let projectKeys: string[];
  beforeAll(async () => {
    const dataset = syntheticProgram({ issues, teams: 7, seed: 3 });
    projectKeys = dataset.projects.map((p) => p.key);
    emulator = await startEmulator({ dataset, port: 0 });
    forge = installForgeRuntime({ jiraBaseUrl: emulator.url });
  });
  afterAll(async () => {
    forge.uninstall();
    await emulator.close();
  });

  it('stores a big synthetic program in chunks that each fit a KVS value, and reads it back whole', async () => {
    await saveProgramConfig(parseProgramConfig({ name: 'Big', projects: projectKeys }), null, Date.now(), 0);
    const asApp = new JiraClient(forgeTransport('app'), { policy: retryPolicyFor('consumer') });
    const run = await forge.runAsApp(() =>
      syncProgram(asApp, { reason: 'requested', mode: 'full' }, Date.now),
    );
    expect(run.status).toBe('done');
    const manifest = await readManifest();
    expect(manifest?.issueCount).toBe(issues);
    expect(manifest?.chunks.length).toBeGreaterThan(10);
    for (const key of forge.kvs.keys()) {
      expect(Buffer.byteLength(JSON.stringify(forge.kvs.peek(key)))).toBeLessThanOrEqual(MAX_VALUE_BYTES);
    }
    // One project per chunk, so a reader loads only the projects it may show.
    expect(manifest?.chunks.every((c) => c.ranges.length > 0)).toBe(true);
    if (!manifest) return;
    const read = await readProgramIssues(manifest, new Set(projectKeys));
    expect(read.issues).toHaveLength(issues);
    expect(new Set(read.issues.map((i) => i.key)).size).toBe(issues);
    const onlyFirst = await readProgramIssues(manifest, new Set(projectKeys.slice(0, 1)));
    expect(onlyFirst.issues.every((i) => i.key.startsWith(`${projectKeys[0] ?? ''}-`))).toBe(true);
  });

  it('fails, as in Forge, to store a single value over 240 KiB', async () => {
    // Incompressible text: the compact encoding cannot bring it under the limit (a repeated letter would fit).
    const text = randomBytes(MAX_VALUE_BYTES / 2).toString('hex');
    const big = { id: '1', key: 'TA-1', fields: { summary: text } };
    await expect(writeChunk('snapshot:data:v1:test:chunk:0', { issues: [big] })).rejects.toThrow();
    expect(forge.kvs.peek('snapshot:data:v1:test:chunk:0')).toBeUndefined();
  });
});
