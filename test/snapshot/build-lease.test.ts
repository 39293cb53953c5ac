import { JiraClient } from '../../src/jira/client';
import { forgeTransport } from '../../src/jira/forge-transport';
import { retryPolicyFor } from '../../src/jira/retry-policy';
import { syncProgram } from '../../src/services/program-sync';
import { acquireLease, leaseStillHeld, MAX_LEASE_MS } from '../../src/storage/snapshot-job';
import { BuildLeaseLost, readManifest, switchTo } from '../../src/storage/snapshot-store';
import { startHarness, type Harness } from '../resolvers/harness';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const TTL = 16 * 60_000;

function fullBuild(h: Harness, holder: string) {
  const asApp = new JiraClient(forgeTransport('app'), { policy: retryPolicyFor('consumer') });
  return h.forge.runAsApp(() =>
    syncProgram(asApp, { reason: 'requested', mode: 'full' }, () => Date.now(), { holder }),
  );
}

/** Every key the current snapshot pointer names exists. */
function pointerIsWhole(h: Harness, manifest: Awaited<ReturnType<typeof readManifest>>): boolean {
  if (!manifest) return false;
  return [manifest.metaKey, ...manifest.chunks.map((c) => c.key)].every(
    (k) => h.forge.kvs.peek(k) !== undefined,
  );
}

describe('the build lease', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.buildSnapshot();
  });
  afterEach(() => h.forge.setKvsDelay(undefined));
  afterAll(() => h.close());

  it('lets one of two concurrent builds run and defers the other, over rounds with storage delay', async () => {
    h.forge.setKvsDelay(() => Math.random() * 40);
    for (let round = 0; round < 4; round++) {
      const outcomes = await Promise.all([fullBuild(h, `a-${round}`), fullBuild(h, `b-${round}`)]);
      const statuses = outcomes.map((o) => o.status).sort();
      expect(statuses).toEqual(['deferred', 'done']);
      expect(pointerIsWhole(h, await h.forge.runAsApp(readManifest))).toBe(true);
      h.forge.queue.length = 0;
    }
  }, 20_000);

  it('is taken over once its holder is past its expiry (a consumer that died mid-build)', async () => {
    await h.forge.runAsApp(async () => {
      expect(await acquireLease('dead-consumer', T0, TTL)).toBeDefined();
      expect(await acquireLease('next-refresh', T0 + TTL - 1, TTL)).toBeUndefined();
      expect(await acquireLease('next-refresh', T0 + TTL + 1, TTL)).toBeDefined();
    });
  });

  it('never lasts longer than twice the consumer limit', async () => {
    await expect(h.forge.runAsApp(() => acquireLease('x', T0, MAX_LEASE_MS + 1))).rejects.toThrow(RangeError);
    expect(MAX_LEASE_MS).toBe(1_800_000);
  });

  it('fences the snapshot switch: a build whose lease was taken over cannot move the pointer', async () => {
    await h.forge.runAsApp(async () => {
      const current = await readManifest();
      if (!current) throw new Error('no snapshot');
      const slow = await acquireLease('slow-build', T0 + 10 * TTL, TTL);
      if (!slow) throw new Error('no lease');
      expect(await acquireLease('other-build', T0 + 12 * TTL, TTL)).toBeDefined();
      const stale = { ...current, version: 'stale-build' };
      await expect(switchTo(stale, current, (tx) => leaseStillHeld(tx, slow))).rejects.toThrow(
        BuildLeaseLost,
      );
      expect((await readManifest())?.version).toBe(current.version);
    });
  });
});
