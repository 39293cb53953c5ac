import { Queue, PayloadTooBigError, RateLimitError } from '@forge/events';
import { ForgeKvsAPIError, kvs } from '@forge/kvs';
import { installForgeRuntime, type ForgeRuntimeDouble } from './forge-runtime';

/** Forge's per-installation quotas, through the real @forge/kvs and @forge/events clients. */
describe("the Forge double enforces Forge's quotas with Forge's errors", () => {
  let forge: ForgeRuntimeDouble;
  let now = 0;
  beforeEach(() => {
    now = 1_000_000;
    forge = installForgeRuntime({ jiraBaseUrl: 'http://127.0.0.1:9' }, { clock: () => now });
  });
  afterEach(() => forge.uninstall());

  const failureOf = async (promise: Promise<unknown>) => {
    const error: unknown = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof ForgeKvsAPIError))
      throw new Error(`expected a ForgeKvsAPIError, got ${String(error)}`);
    return { status: error.responseDetails.status, code: error.code };
  };

  it('counts a request in 10 KB units, rounded up, and a transaction as one write request', async () => {
    await kvs.set('small', 'x');
    expect(forge.kvsUsage.writeUnits).toBe(1);
    await kvs.set('big', 'y'.repeat(65 * 1024));
    expect(forge.kvsUsage.writeUnits).toBe(1 + 7);
    await kvs.transact().set('a', 1).set('b', 2).set('c', 3).execute();
    expect(forge.kvsUsage).toEqual(expect.objectContaining({ writeUnits: 9, requests: 3 }));
    await kvs.get('big');
    expect(forge.kvsUsage.readUnits).toBe(7);
  });

  it('refuses writes over 4,000 units a minute with 429 RATE_LIMIT_EXCEEDED, and accepts them a minute later', async () => {
    const value = 'z'.repeat(200 * 1024); // 21 units
    for (let i = 0; i < 190; i++) await kvs.set(`k:${i}`, value);
    expect(forge.kvsUsage.writeUnits).toBe(3_990);
    expect(await failureOf(kvs.set('k:over', value))).toEqual({ status: 429, code: 'RATE_LIMIT_EXCEEDED' });
    await expect(kvs.get('k:over')).resolves.toBeUndefined();
    expect(forge.kvsUsage.rateLimited).toBe(1);
    now += 60_000;
    await expect(kvs.set('k:over', value)).resolves.toBeUndefined();
  });

  it('refuses reads over 4,000 units a minute', async () => {
    forge.quota.limits.kvsWriteUnitsPerMinute = 1e9;
    await kvs.set('chunk', 'r'.repeat(230 * 1024)); // 24 units to read
    for (let i = 0; i < 166; i++) await kvs.get('chunk');
    expect(await failureOf(kvs.get('chunk'))).toEqual({ status: 429, code: 'RATE_LIMIT_EXCEEDED' });
  });

  it('refuses more than 1,000 requests in a second', async () => {
    forge.quota.limits.kvsRequestsPerSecond = 5;
    for (let i = 0; i < 5; i++) await kvs.set(`r:${i}`, i);
    expect(await failureOf(kvs.set('r:5', 5))).toEqual({ status: 429, code: 'RATE_LIMIT_EXCEEDED' });
    now += 1_000;
    await expect(kvs.set('r:5', 5)).resolves.toBeUndefined();
  });

  it("names Forge's size errors: MAX_SIZE, KEY_TOO_LONG, MAX_DEPTH", async () => {
    expect(await failureOf(kvs.set('v', 'x'.repeat(241 * 1024)))).toEqual({ status: 400, code: 'MAX_SIZE' });
    expect(await failureOf(kvs.set('k'.repeat(501), 1))).toEqual({ status: 400, code: 'KEY_TOO_LONG' });
    let deep: unknown = 1;
    for (let i = 0; i < 32; i++) deep = { d: deep };
    expect(await failureOf(kvs.set('deep', deep))).toEqual({ status: 400, code: 'MAX_DEPTH' });
  });

  it('refuses queue events over 100 KB and over 500 events a minute, as @forge/events reports them', async () => {
    const queue = new Queue({ key: 'snapshot-rebuild' });
    await expect(queue.push([{ body: { text: 'x'.repeat(101 * 1024) } }])).rejects.toBeInstanceOf(
      PayloadTooBigError,
    );
    const fifty = Array.from({ length: 50 }, (_, i) => ({ body: { i } }));
    for (let i = 0; i < 10; i++) await queue.push(fifty);
    await expect(queue.push([{ body: { i: 501 } }])).rejects.toBeInstanceOf(RateLimitError);
    now += 60_000;
    await expect(queue.push([{ body: { i: 501 } }])).resolves.toEqual(
      expect.objectContaining({ jobId: expect.any(String) }),
    );
  });
});
