/**
 * The Forge KVS service, in memory, behind the HTTP API that the real `@forge/kvs` client speaks
 * (`/api/v1/get`, `/set`, `/delete`, `/query`, `/batch/*`, `/transaction`, `/entity/get|set|delete`). It
 * enforces the platform's limits so that an oversize write fails in tests exactly as it would in Forge,
 * with Forge's error codes ("Error handling for the Key-Value Store"): key pattern (INVALID_KEY) and
 * length (KEY_TOO_LONG), 240 KiB per value (MAX_SIZE), 31 levels of nesting (MAX_DEPTH), 25 operations
 * per transaction (each key once), 20 items per batch. Rate quotas are metered in kvs-quota.ts. Transactions honour Custom Entity Store conditions: all are checked before anything is
 * written, and one that fails refuses the whole transaction with HTTP 409.
 */
import { z } from 'zod';
import { conditionsHold, ConditionsSchema } from './kvs-conditions';
import { nestingDepth } from './kvs-quota';

export const KVS_LIMITS = {
  maxKeyLength: 500,
  keyPattern: /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/,
  maxValueBytes: 240 * 1024,
  /** "Object depth: 31, maximum object depth permitted" (KVS and Custom Entity Store limits). */
  maxObjectDepth: 31,
  maxTransactionOperations: 25,
  maxBatchItems: 20,
  maxQueryLimit: 100,
} as const;

interface StoredValue {
  value: unknown;
  createdAt: number;
  updatedAt: number;
}

export class KvsFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const KeyBody = z.object({ key: z.string() });
const SetBody = z.object({ key: z.string(), value: z.unknown() });
const WhereSchema = z.object({ property: z.string(), condition: z.string(), values: z.array(z.unknown()) });
const QueryBody = z.object({
  limit: z.number().int().optional(),
  after: z.string().optional(),
  where: z.array(WhereSchema).optional(),
});
const EntityKeyBody = z.object({ entityName: z.string(), key: z.string() });
const EntitySetBody = EntityKeyBody.extend({ value: z.unknown() });
const TxTarget = z.object({
  key: z.string(),
  entityName: z.string().optional(),
  conditions: ConditionsSchema.optional(),
});
const TransactionBody = z.object({
  set: z.array(TxTarget.extend({ value: z.unknown(), options: z.unknown().optional() })).optional(),
  delete: z.array(TxTarget).optional(),
  check: z.array(TxTarget.extend({ entityName: z.string(), conditions: ConditionsSchema })).optional(),
});
type TxOperation = z.infer<typeof TxTarget> & { kind: 'set' | 'delete' | 'check'; value?: unknown };

/** Where an entity's value lives in the double: its own namespace, never visible to plain key queries. */
const entitySlot = (entityName: string, key: string) => `${entityName}\u0000${key}`;
const BatchSetBody = z.array(SetBody);
const BatchKeysBody = z.array(KeyBody);

export class KvsStore {
  /** Stamps createdAt / updatedAt: the runtime double's injected clock, never the wall clock. */
  clock: () => number = () => 0;
  private readonly data = new Map<string, StoredValue>();
  private readonly entities = new Map<string, StoredValue>();
  private bodyBytes = Number.POSITIVE_INFINITY;
  /** Every operation the app made, for assertions such as "wrote in one transaction". */
  readonly log: Array<{ op: string; keys: string[] }> = [];

  keys(): string[] {
    return [...this.data.keys()].sort();
  }

  peek(key: string): unknown {
    return this.data.get(key)?.value;
  }

  /** The keys stored under `entityName`, sorted. */
  entityKeys(entityName: string): string[] {
    const prefix = entitySlot(entityName, '');
    return [...this.entities.keys()]
      .filter((slot) => slot.startsWith(prefix))
      .map((slot) => slot.slice(prefix.length))
      .sort();
  }

  peekEntity(entityName: string, key: string): unknown {
    return this.entities.get(entitySlot(entityName, key))?.value;
  }

  /** Stores an entity as another writer would (a test setting up a race or an older version's data). */
  putEntity(entityName: string, key: string, value: unknown): void {
    this.entities.set(entitySlot(entityName, key), { value, createdAt: 0, updatedAt: 0 });
  }

  clear(): void {
    this.data.clear();
    this.entities.clear();
    this.log.length = 0;
  }

  /**
   * Handles one request of the KVS HTTP API; returns the JSON reply body (undefined = empty 200).
   * `body` must be freshly parsed from the request's JSON (so nothing the caller holds is stored), and
   * `bodyBytes` is that JSON's size: a request no larger than the value limit needs no per-value check.
   */
  handle(path: string, body: unknown, bodyBytes = Number.POSITIVE_INFINITY): unknown {
    this.bodyBytes = bodyBytes;
    switch (path) {
      case '/api/v1/get':
        return this.get(KeyBody.parse(body).key);
      case '/api/v1/set': {
        const { key, value } = SetBody.parse(body);
        this.write([{ key, value }], [], 'set');
        return undefined;
      }
      case '/api/v1/delete': {
        const { key } = KeyBody.parse(body);
        this.write([], [key], 'delete');
        return undefined;
      }
      case '/api/v1/query':
        return this.query(QueryBody.parse(body));
      case '/api/v1/transaction':
        this.transaction(TransactionBody.parse(body));
        return undefined;
      case '/api/v1/entity/get': {
        const { entityName, key } = EntityKeyBody.parse(body);
        this.checkKey(key);
        const stored = this.entities.get(entitySlot(entityName, key));
        if (!stored) throw new KvsFailure(404, 'KEY_NOT_FOUND', `entity ${entityName} key ${key} not found`);
        return { key, value: stored.value, createdAt: stored.createdAt, updatedAt: stored.updatedAt };
      }
      case '/api/v1/entity/set': {
        const { entityName, key, value } = EntitySetBody.parse(body);
        this.applyTransaction([{ kind: 'set', key, entityName, value }], 'entity/set');
        return undefined;
      }
      case '/api/v1/entity/delete': {
        const { entityName, key } = EntityKeyBody.parse(body);
        this.applyTransaction([{ kind: 'delete', key, entityName }], 'entity/delete');
        return undefined;
      }
      case '/api/v1/batch/set': {
        const items = this.batchItems(BatchSetBody.parse(body));
        this.write(items, [], 'batch/set');
        return { successfulKeys: items.map((i) => ({ key: i.key })), failedKeys: [] };
      }
      case '/api/v1/batch/get': {
        const items = this.batchItems(BatchKeysBody.parse(body));
        const found = items.flatMap((i) => {
          const stored = this.data.get(i.key);
          return stored ? [{ key: i.key, value: stored.value }] : [];
        });
        const missing = items.filter((i) => !this.data.has(i.key));
        return {
          successfulKeys: found,
          failedKeys: missing.map((i) => ({
            key: i.key,
            error: { code: 'KEY_NOT_FOUND', message: 'not found' },
          })),
        };
      }
      case '/api/v1/batch/delete': {
        const items = this.batchItems(BatchKeysBody.parse(body));
        this.write(
          [],
          items.map((i) => i.key),
          'batch/delete',
        );
        return { successfulKeys: items.map((i) => ({ key: i.key })), failedKeys: [] };
      }
      default:
        throw new KvsFailure(404, 'NOT_FOUND', `the KVS double does not implement ${path}`);
    }
  }

  private transaction(tx: z.infer<typeof TransactionBody>): void {
    const operations: TxOperation[] = [
      ...(tx.set ?? []).map((o) => ({ ...o, kind: 'set' as const })),
      ...(tx.delete ?? []).map((o) => ({ ...o, kind: 'delete' as const })),
      ...(tx.check ?? []).map((o) => ({ ...o, kind: 'check' as const })),
    ];
    if (operations.length > KVS_LIMITS.maxTransactionOperations) {
      throw new KvsFailure(
        400,
        'INVALID_TRANSACTION',
        `transactions allow at most 25 operations, got ${operations.length}`,
      );
    }
    const seen = new Set<string>();
    for (const o of operations) {
      const slot = entitySlot(o.entityName ?? '', o.key);
      if (seen.has(slot))
        throw new KvsFailure(400, 'INVALID_TRANSACTION', `key ${o.key} is used more than once`);
      seen.add(slot);
      if (o.conditions && o.entityName === undefined)
        throw new KvsFailure(400, 'INVALID_TRANSACTION', `conditions on ${o.key} need an entityName`);
    }
    this.applyTransaction(operations, 'transaction');
  }

  /** All-or-nothing over plain keys and entities: conditions and limits are checked before any write. */
  private applyTransaction(operations: TxOperation[], op: string): void {
    for (const o of operations) {
      if (o.entityName === undefined || !o.conditions) continue;
      const current = this.entities.get(entitySlot(o.entityName, o.key))?.value;
      if (!conditionsHold(o.conditions, current)) {
        throw new KvsFailure(409, 'CONDITION_CHECK_FAILED', `the conditions on ${o.key} do not hold`);
      }
    }
    const plain = operations.filter((o) => o.entityName === undefined);
    const sets = plain.filter((o) => o.kind === 'set').map((o) => ({ key: o.key, value: o.value }));
    const deletes = plain.filter((o) => o.kind === 'delete').map((o) => o.key);
    const entityOps = operations.filter((o) => o.entityName !== undefined && o.kind !== 'check');
    entityOps.forEach((o) => this.checkValue(o.key, o.value));
    this.write(sets, deletes, op);
    const now = this.clock();
    for (const o of entityOps) {
      const slot = entitySlot(o.entityName ?? '', o.key);
      if (o.kind === 'delete') this.entities.delete(slot);
      else
        this.entities.set(slot, {
          value: o.value,
          createdAt: this.entities.get(slot)?.createdAt ?? now,
          updatedAt: now,
        });
    }
  }

  private checkValue(key: string, value: unknown): void {
    this.checkKey(key);
    if (nestingDepth(value) > KVS_LIMITS.maxObjectDepth) {
      throw new KvsFailure(
        400,
        'MAX_DEPTH',
        `value of ${key} nests deeper than ${KVS_LIMITS.maxObjectDepth} levels`,
      );
    }
    if (this.bodyBytes <= KVS_LIMITS.maxValueBytes) return;
    const bytes = Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
    if (bytes > KVS_LIMITS.maxValueBytes) {
      throw new KvsFailure(400, 'MAX_SIZE', `value of ${key} is ${bytes} bytes; the limit is 245760`);
    }
  }

  private get(key: string): unknown {
    this.checkKey(key);
    const stored = this.data.get(key);
    if (!stored) throw new KvsFailure(404, 'KEY_NOT_FOUND', `key ${key} not found`);
    return { key, value: stored.value, createdAt: stored.createdAt, updatedAt: stored.updatedAt };
  }

  private batchItems<T>(items: T[]): T[] {
    if (items.length > KVS_LIMITS.maxBatchItems) {
      throw new KvsFailure(
        400,
        'INVALID_REQUEST',
        `batch operations allow at most 20 items, got ${items.length}`,
      );
    }
    return items;
  }

  /** All-or-nothing: every key and value is checked before anything is written. */
  private write(sets: Array<{ key: string; value: unknown }>, deletes: string[], op: string): void {
    for (const { key, value } of sets) this.checkValue(key, value);
    deletes.forEach((key) => this.checkKey(key));
    const now = this.clock();
    for (const { key, value } of sets) {
      const createdAt = this.data.get(key)?.createdAt ?? now;
      // `value` was parsed from the request's JSON, so it is already a copy nobody else holds.
      this.data.set(key, { value, createdAt, updatedAt: now });
    }
    deletes.forEach((key) => this.data.delete(key));
    this.log.push({ op, keys: [...sets.map((s) => s.key), ...deletes] });
  }

  private query(body: z.infer<typeof QueryBody>): unknown {
    const limit = Math.min(body.limit ?? 10, KVS_LIMITS.maxQueryLimit);
    const prefix = body.where?.find((w) => w.property === 'key' && w.condition === 'BEGINS_WITH')?.values[0];
    const keys = this.keys().filter((k) => (typeof prefix === 'string' ? k.startsWith(prefix) : true));
    const start = body.after ? keys.findIndex((k) => k > (body.after ?? '')) : 0;
    const page = start < 0 ? [] : keys.slice(start, start + limit);
    const last = page[page.length - 1];
    const more = start >= 0 && start + limit < keys.length;
    return {
      data: page.map((key) => ({ key, value: this.data.get(key)?.value })),
      cursor: more ? last : undefined,
    };
  }

  private checkKey(key: string): void {
    if (key.length > KVS_LIMITS.maxKeyLength) {
      throw new KvsFailure(400, 'KEY_TOO_LONG', `key of ${key.length} characters; the limit is 500`);
    }
    if (key.length === 0 || !KVS_LIMITS.keyPattern.test(key)) {
      throw new KvsFailure(
        400,
        'INVALID_KEY',
        `key "${key}" does not match ${String(KVS_LIMITS.keyPattern)}`,
      );
    }
  }
}
