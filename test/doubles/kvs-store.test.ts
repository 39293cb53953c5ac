import { Filter, FilterConditions, ForgeKvsAPIError, kvs } from '@forge/kvs';
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

  describe('Custom Entity Store transactions', () => {
    const at = (version: number) =>
      new Filter<{ version: number }>().and('version', FilterConditions.equalTo(version));
    const absent = () => new Filter<{ version: number }>().and('version', FilterConditions.notExists());

    it('writes an entity and a plain key together when the condition holds', async () => {
      await kvs
        .transact()
        .set('order', { version: 1 }, { entityName: 'rec', conditions: absent() })
        .execute();
      await kvs
        .transact()
        .set('order', { version: 2 }, { entityName: 'rec', conditions: at(1) })
        .set('history:2', 'x')
        .execute();
      await expect(kvs.entity('rec').get('order')).resolves.toEqual({ version: 2 });
      await expect(kvs.get('history:2')).resolves.toBe('x');
    });

    it('refuses the whole transaction with 409 when a condition fails, writing none of it', async () => {
      forge.kvs.putEntity('rec', 'order', { version: 3 });
      const stale = kvs
        .transact()
        .set('order', { version: 3 }, { entityName: 'rec', conditions: at(2) })
        .set('history:3', 'x');
      const error: unknown = await stale.execute().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ForgeKvsAPIError);
      expect(error instanceof ForgeKvsAPIError && error.responseDetails.status).toBe(409);
      await expect(kvs.get('history:3')).resolves.toBeUndefined();
      expect(forge.kvs.peekEntity('rec', 'order')).toEqual({ version: 3 });
    });

    it('fails a check on an entity that does not exist, and a create-if-absent on one that does', async () => {
      await expect(
        kvs
          .transact()
          .check('missing', { entityName: 'rec', conditions: at(1) })
          .execute(),
      ).rejects.toThrow(/conditions/);
      forge.kvs.putEntity('rec', 'lease', { version: 1 });
      await expect(
        kvs.transact().set('lease', { version: 1 }, { entityName: 'rec', conditions: absent() }).execute(),
      ).rejects.toThrow(/conditions/);
    });

    it('refuses a transaction that names the same key twice', async () => {
      await expect(kvs.transact().set('a', 1).delete('a').execute()).rejects.toThrow(/more than once/);
    });

    it('lets exactly one of many concurrent writers of the same version win, with storage delay', async () => {
      forge.setKvsDelay(() => Math.random() * 40);
      const attempts = Array.from({ length: 10 }, (_, i) =>
        kvs
          .transact()
          .set('order', { version: 1, by: i }, { entityName: 'rec', conditions: absent() })
          .execute()
          .then(
            () => true,
            () => false,
          ),
      );
      expect((await Promise.all(attempts)).filter(Boolean)).toHaveLength(1);
    });
  });
});
