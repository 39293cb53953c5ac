import { kvs } from '@forge/kvs';
import { installForgeRuntime, type ForgeRuntimeDouble } from './forge-runtime';

/** The real @forge/kvs client, talking to the double: what passes here passes in Forge. */
describe('the KVS double behind the real @forge/kvs client', () => {
  let forge: ForgeRuntimeDouble;
  beforeEach(() => {
    forge = installForgeRuntime({ jiraBaseUrl: 'http://127.0.0.1:9' });
  });
  afterEach(() => forge.uninstall());

  it('stores, reads back and deletes a JSON value', async () => {
    await kvs.set('settings:program:v1', { name: 'Payments', projectKeys: ['PAY'] });
    await expect(kvs.get('settings:program:v1')).resolves.toEqual({ name: 'Payments', projectKeys: ['PAY'] });
    await kvs.delete('settings:program:v1');
    await expect(kvs.get('settings:program:v1')).resolves.toBeUndefined();
  });

  it('refuses a value over 240 KiB and keeps what was stored before', async () => {
    await kvs.set('big', 'small');
    await expect(kvs.set('big', 'x'.repeat(240 * 1024))).rejects.toThrow(/limit/);
    await expect(kvs.get('big')).resolves.toBe('small');
  });

  it('refuses a key outside the pattern Forge allows', async () => {
    await expect(kvs.set('bad/key', 1)).rejects.toThrow(/does not match/);
  });

  it('refuses a transaction of more than 25 operations and writes none of it', async () => {
    const tx = kvs.transact();
    for (let i = 0; i < 26; i++) tx.set(`k:${i}`, i);
    await expect(tx.execute()).rejects.toThrow(/at most 25/);
    expect(forge.kvs.keys()).toEqual([]);
  });

  it('pages a prefix query with a cursor', async () => {
    for (let i = 0; i < 5; i++) await kvs.set(`chunk:${i}`, i);
    await kvs.set('other', 1);
    const first = await kvs
      .query()
      .where('key', { condition: 'BEGINS_WITH', values: ['chunk:'] })
      .limit(3)
      .getMany();
    expect(first.results.map((r) => r.key)).toEqual(['chunk:0', 'chunk:1', 'chunk:2']);
    const rest = await kvs
      .query()
      .where('key', { condition: 'BEGINS_WITH', values: ['chunk:'] })
      .limit(3)
      .cursor(first.nextCursor ?? '')
      .getMany();
    expect(rest.results.map((r) => r.key)).toEqual(['chunk:3', 'chunk:4']);
    expect(rest.nextCursor).toBeUndefined();
  });
});
