import { clock } from '../../src/clock';
import { kvs } from '@forge/kvs';
import { computeAnalysis } from '../../src/services/analysis/compute-analysis';
import { EpicRecordSchema, ItemRecordSchema } from '../../src/storage/analysis-schema';
import { ForecastMetaSchema, ForecastRecordSchema, forecastEntryOf } from '../../src/storage/forecast-schema';
import {
  ANALYSIS_DATA_PREFIX,
  AnalysisWriter,
  partsOf,
  readAnalysisManifest,
  readParts,
} from '../../src/storage/analysis-store';
import { MAX_VALUE_BYTES } from '../../src/storage/snapshot-store';
import { startHarness, type Harness } from '../resolvers/harness';

async function storedKeys(): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    let query = kvs.query().limit(100);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany<unknown>();
    keys.push(...page.results.map((r) => r.key));
    cursor = page.nextCursor;
  } while (cursor);
  return keys.filter((k) => k.startsWith(ANALYSIS_DATA_PREFIX));
}

describe('the stored analysis views', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.buildSnapshot();
  });
  afterAll(() => h.close());

  it('is computed by the consumer after a build, per view, one partition per project', async () => {
    const manifest = await h.forge.runAsApp(readAnalysisManifest);
    if (!manifest) throw new Error('no analysis after the build');
    const partitions = new Set(manifest.parts.map((p) => p.partition));
    for (const p of [
      'epics:PAY',
      'items:PAY',
      'nodes:PAY',
      'edges-in:PAY',
      'edges-out:CHK',
      'agenda',
      'cycles',
    ])
      expect(partitions).toContain(p);
    const epics = await h.forge.runAsApp(() => readParts(partsOf(manifest, 'epics:PAY'), EpicRecordSchema));
    expect(epics).toHaveLength(8);
  });

  it('stores the forecast after the analysis: compact records per project, the epics, the team basis', async () => {
    const manifest = await h.forge.runAsApp(readAnalysisManifest);
    if (!manifest) throw new Error('no analysis after the build');
    const [meta] = await h.forge.runAsApp(() =>
      readParts(partsOf(manifest, 'forecast-meta'), ForecastMetaSchema),
    );
    expect(meta).toMatchObject({ trials: 2000, seed: 1 });
    const epics = await h.forge.runAsApp(() =>
      readParts(partsOf(manifest, 'forecast-epics'), ForecastRecordSchema),
    );
    const items = await h.forge.runAsApp(() =>
      readParts(partsOf(manifest, 'forecast-items:PAY'), ForecastRecordSchema),
    );
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((r) => r.key.startsWith('PAY-'))).toBe(true);
    const forecastable = epics.map(forecastEntryOf).filter((e) => e.unforecastable === null);
    expect(forecastable.length).toBeGreaterThan(0);
    for (const e of forecastable) {
      expect(e.p50Date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect((e.p50Date ?? '') <= (e.p95Date ?? '')).toBe(true);
    }
  });

  it('splits a large partition into chunks under the value limit, each with its key range', async () => {
    const records = Array.from({ length: 3000 }, (_, i) => ({
      key: `BIG-${i + 1}`,
      id: String(100000 + i),
      kind: 'backlog',
      team: 'BIG',
      epic: null,
      ready: false,
      score: 50,
      failing: [{ id: 'description', reason: 'x'.repeat(120) }],
    }));
    const writer = new AnalysisWriter('test-big');
    writer.addPartition('items:BIG', records, true);
    await h.forge.runAsApp(() => writer.finish(ProgramStub));
    expect(writer.parts.length).toBeGreaterThan(1);
    for (const part of writer.parts) {
      const value: unknown = await h.forge.runAsApp(() => kvs.get(part.key));
      expect(Buffer.byteLength(JSON.stringify(value))).toBeLessThan(MAX_VALUE_BYTES);
    }
    expect(writer.parts[0]?.first).toBe(1);
    expect(writer.parts.at(-1)?.last).toBe(3000);
    const back = await h.forge.runAsApp(() => readParts(writer.parts, ItemRecordSchema));
    expect(back).toHaveLength(3000);
  });

  it('switches atomically and deletes a version only one switch later', async () => {
    const first = await h.forge.runAsApp(readAnalysisManifest);
    const keysOf = (m: typeof first) => (m ? [m.programKey, ...m.parts.map((p) => p.key)] : []);
    const second = await h.forge.runAsApp(() => computeAnalysis(clock()));
    const afterSecond = await h.forge.runAsApp(storedKeys);
    // The previous version stays readable for a reader that read its pointer just before the switch.
    expect(afterSecond).toEqual(expect.arrayContaining(keysOf(first)));
    const third = await h.forge.runAsApp(() => computeAnalysis(clock() + 1));
    const afterThird = await h.forge.runAsApp(storedKeys);
    // What only the first named is gone (its program record at least; equal parts are shared).
    const live = new Set([...keysOf(second), ...keysOf(third)]);
    const onlyFirst = keysOf(first).filter((k) => !live.has(k));
    expect(onlyFirst).toContain(first?.programKey);
    expect(afterThird.filter((k) => onlyFirst.includes(k))).toEqual([]);
    expect(afterThird).toEqual(expect.arrayContaining(keysOf(second)));
  });
});

const ProgramStub = {
  name: 'x',
  teams: [],
  band: { minSprints: 2, maxSprints: 4 },
  matrix: [],
  cadence: { advice: '', score: 0, rule: '', factors: [] },
  impediments: { perLevel: [], slaBreaches: 0, resolved: 0, medianDaysToResolve: null },
  checklist: [],
  cadenceEvidence: null,
  criticalPath: { keys: [], length: 0 },
};
