import { computeAnalysis } from '../../src/services/analysis/compute-analysis';
import type { AnalysisManifest } from '../../src/storage/analysis-schema';
import { readAnalysisManifest, switchAnalysis } from '../../src/storage/analysis-store';
import { dataOf, startHarness, type Harness } from '../resolvers/harness';

/** Every key the analysis pointer names exists. */
function pointerIsWhole(h: Harness, manifest: AnalysisManifest | undefined): boolean {
  if (!manifest) return false;
  return [manifest.programKey, ...manifest.parts.map((p) => p.key)].every(
    (k) => h.forge.kvs.peek(k) !== undefined,
  );
}

describe('analysis jobs that run at once', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.buildSnapshot();
  });
  afterEach(() => h.forge.setKvsDelay(undefined));
  afterAll(() => h.close());

  it('leave the pointer naming parts that exist, and every view answering, over rounds with storage delay', async () => {
    h.forge.setKvsDelay(() => Math.random() * 40);
    const start = Date.now();
    for (let round = 0; round < 5; round++) {
      const t = start + round * 1_000;
      await Promise.all([
        h.forge.runAsApp(() => computeAnalysis(t)),
        h.forge.runAsApp(() => computeAnalysis(t + 1)),
      ]);
      expect(pointerIsWhole(h, await h.forge.runAsApp(readAnalysisManifest))).toBe(true);
    }
    h.forge.setKvsDelay(undefined);
    expect(dataOf(await h.call('panel/getBoard', {}, 'cpo')).rows.length).toBeGreaterThan(0);
  }, 25_000);

  it('never replaces the pointer with an analysis of older inputs, and deletes the loser parts', async () => {
    const current = await h.forge.runAsApp(readAnalysisManifest);
    if (!current) throw new Error('no analysis');
    const older: AnalysisManifest = {
      ...current,
      version: 'older',
      configVersion: current.configVersion - 1,
      programKey: 'analysis:data:v1:older:program',
      parts: [],
    };
    h.forge.kvs.handle('/api/v1/set', { key: older.programKey, value: { x: 1 } });
    const after = await h.forge.runAsApp(() => switchAnalysis(older, Date.now()));
    expect(after.version).toBe(current.version);
    expect((await h.forge.runAsApp(readAnalysisManifest))?.version).toBe(current.version);
    expect(h.forge.kvs.peek(older.programKey)).toBeUndefined();
  });
});
