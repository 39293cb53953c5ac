import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { useClock } from '../../src/clock';
import { usePacing, type Pacing } from '../../src/storage/kvs-budget';
import { writeStored } from '../../src/storage/stored-json';
import { readManifest } from '../../src/storage/snapshot-store';
import { DEMO_NOW_MS, pinAppClock } from '../doubles/pinned-clock';
import { dataOf, startHarness, type Harness } from '../resolvers/harness';

/**
 * Forge's storage quotas, enforced by the double, against the whole app. The clock is virtual: the
 * app's waits (pacing, backoff) move it forward, and the double's minute runs on the same clock, so a
 * build that needs several minutes of quota runs in a moment.
 */
describe('storage under enforced Forge quotas', () => {
  let h: Harness;
  let now = DEMO_NOW_MS;
  const slept: number[] = [];
  beforeAll(async () => {
    useClock(() => now);
    h = await startHarness();
  });
  const virtual: Pacing = {
    now: () => now,
    sleep: (ms) => {
      slept.push(ms);
      now += ms;
      return Promise.resolve();
    },
    random: () => 0.5,
  };
  beforeEach(() => {
    slept.length = 0;
    usePacing(virtual);
  });
  afterAll(async () => {
    usePacing(undefined);
    pinAppClock();
    await h.close();
  });

  it('completes a full build and its analysis when the quota allows only a fraction of it per minute', async () => {
    await h.configureProgram('Demo', ['PAY', 'CHK', 'SRCH', 'MOB', 'PLAT']);
    // The whole demo build writes about 30 units: give it 12 per minute, and pace the app at 10.
    h.forge.quota.limits.kvsWriteUnitsPerMinute = 12;
    usePacing(virtual, { write: 10, read: 1_000 });
    const writesBefore = h.forge.kvsUsage.writeUnits;
    const started = now;
    await h.buildSnapshot();
    expect((await h.forge.runAsApp(readManifest))?.issueCount).toBeGreaterThan(100);
    const board = dataOf(await h.call('panel/getBoard', {}, 'cpo'));
    expect(board.rows.length).toBeGreaterThan(0);
    const written = h.forge.kvsUsage.writeUnits - writesBefore;
    expect(written).toBeGreaterThan(12);
    // It took (virtual) minutes: the app waited for the quota instead of failing on it.
    expect(now - started).toBeGreaterThanOrEqual(60_000 * Math.floor((written - 1) / 12));
  });

  it('retries a write that Forge rate-limits, after a backoff, and stores it', async () => {
    h.forge.quota.limits.kvsWriteUnitsPerMinute = 3;
    now += 60_000;
    // Another invocation of the installation spent the minute's quota: the app cannot see it coming.
    for (let i = 0; i < 3; i++) await h.forge.runAsApp(() => kvs.set(`other:${i}`, i));
    const refusedBefore = h.forge.kvsUsage.rateLimited;
    await h.forge.runAsApp(() => writeStored('app:retry:v1', z.object({ n: z.number() }), { n: 1 }));
    expect(h.forge.kvsUsage.rateLimited).toBeGreaterThan(refusedBefore);
    expect(slept.length).toBeGreaterThan(0);
    expect(h.forge.kvs.peek('app:retry:v1')).toEqual({ n: 1 });
  });
});
