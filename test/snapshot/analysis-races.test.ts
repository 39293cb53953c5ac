import { computeAnalysis } from '../../src/services/analysis/compute-analysis';
import type { AnalysisManifest } from '../../src/storage/analysis-schema';
import {
  AnalysisWriter,
  readAnalysisManifest,
  readParts,
  readProgramRecord,
  switchAnalysis,
} from '../../src/storage/analysis-store';
import { z } from 'zod';
import { unpack } from '../../src/storage/packed-json';
import { runJob } from '../gateway/job-runner';
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

  it('reuse unchanged parts: an analysis of an unchanged snapshot writes only its program record', async () => {
    const t = Date.now();
    await h.forge.runAsApp(() => computeAnalysis(t));
    const first = await h.forge.runAsApp(readAnalysisManifest);
    const before = h.forge.kvsUsage.writeUnits;
    await h.forge.runAsApp(() => computeAnalysis(t + 1));
    const second = await h.forge.runAsApp(readAnalysisManifest);
    // The program record, the pointer (one transaction) and the deletion of the record it replaced.
    expect(h.forge.kvsUsage.writeUnits - before).toBeLessThanOrEqual(6);
    expect(second?.parts.map((p) => p.key)).toEqual(first?.parts.map((p) => p.key));
    expect(pointerIsWhole(h, second)).toBe(true);
  });

  it('keep every part that the pointer or the analysis it replaced names, over rounds of changes with storage delay', async () => {
    const keys = h.dataset.issues.map((i) => i.key);
    for (let round = 0; round < 4; round++) {
      // Some parts change each round (renamed issues), most are reused.
      for (const key of keys.slice(round * 7, round * 7 + 7)) {
        const issue = h.emulator.state.issueByKeyOrId(key);
        if (issue) issue.fields.summary = `${key} round ${round}`;
      }
      await runJob(h, { reason: 'requested', mode: 'full' });
      h.forge.setKvsDelay(() => Math.random() * 40);
      const t = Date.now();
      await Promise.all(
        [0, 1, 2].map((i) => h.forge.runAsApp(() => computeAnalysis(t + i * (round % 2 === 0 ? 1 : -1)))),
      );
      h.forge.setKvsDelay(undefined);
      const pointer = h.forge.kvs.peekEntity('versioned-record', 'analysis-pointer');
      const { body } = z.object({ body: z.unknown() }).parse(pointer);
      const { manifest, previous } = z
        .object({ manifest: z.unknown(), previous: z.unknown() })
        .parse(unpack(body));
      const parsed = z.object({ programKey: z.string(), parts: z.array(z.object({ key: z.string() })) });
      for (const m of [manifest, previous]) {
        const named = parsed.parse(m);
        const missing = [named.programKey, ...named.parts.map((p) => p.key)].filter(
          (k) => h.forge.kvs.peek(k) === undefined,
        );
        expect(missing).toEqual([]);
      }
    }
    expect(dataOf(await h.call('panel/getBoard', {}, 'cpo')).rows.length).toBeGreaterThan(0);
  }, 60_000);

  it('writes afresh a reused part that the pointer it replaces no longer names', async () => {
    await h.forge.runAsApp(async () => {
      await computeAnalysis(Date.now());
      const current = await readAnalysisManifest();
      if (!current) throw new Error('no analysis');
      const reused = current.parts.filter((p) => p.partition.startsWith('epics:'));
      // A slow job reuses the current epics parts ...
      const writer = new AnalysisWriter(`${Date.now().toString(36)}-slow`, current);
      for (const part of reused) writer.addPartition(part.partition, await readParts([part], z.unknown()));
      await writer.finish(await readProgramRecord(current));
      expect(writer.parts.map((p) => p.key)).toEqual(reused.map((p) => p.key));
      // ... while two faster jobs switch twice, and the second deletes what the first replaced.
      for (const name of ['fast-1', 'fast-2']) {
        const key = `analysis:data:v1:${Date.now().toString(36)}-${name}:program`;
        h.forge.kvs.handle('/api/v1/set', { key, value: { x: 1 } });
        await switchAnalysis({ ...current, version: name, programKey: key, parts: [] }, Date.now());
      }
      expect(reused.every((p) => h.forge.kvs.peek(p.key) === undefined)).toBe(true);
      const slow = { ...current, version: 'slow', programKey: writer.programKey, parts: writer.parts };
      const after = await switchAnalysis(slow, Date.now(), writer);
      expect(after.parts.map((p) => p.key)).not.toContain(reused[0]?.key);
      expect(pointerIsWhole(h, await readAnalysisManifest())).toBe(true);
    });
  });
});
