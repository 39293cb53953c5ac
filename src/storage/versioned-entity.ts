/**
 * Compare-and-set for every stored record that has a version (the MetaScrum order, the program config,
 * the build lease, the analysis pointer). Each is one entity of the Custom Entity Store entity
 * {@link VERSIONED_ENTITY} (declared in manifest.yml: `version` integer, `body` any), written with
 * `kvs.transact()` and a condition on the version read: of two writers that read the same version, the
 * storage service lets exactly one through; the other learns it lost and decides again.
 */
import { Filter, FilterConditions, ForgeKvsAPIError, kvs } from '@forge/kvs';
import { z } from 'zod';
import { StoredValueInvalid } from './stored-json';
import { pacedWrite, retryRateLimited } from './kvs-budget';

export const VERSIONED_ENTITY = 'versioned-record';

export interface Versioned<T> {
  /** 1, 2, ...: a stored record never has version 0 (0 means "nothing stored yet"). */
  version: number;
  body: T;
}

type TransactionBuilder = ReturnType<typeof kvs.transact>;
type Stored = { version: number; body: unknown };

/** The condition "the stored version is `expected`" (0 = no record stored). */
export function versionIs(expected: number) {
  // Version 0 = the writer saw no record: only create it if it is still absent.
  return expected === 0
    ? new Filter<Stored>().and('version', FilterConditions.notExists())
    : new Filter<Stored>().and('version', FilterConditions.equalTo(expected));
}

const EnvelopeSchema = z.strictObject({ version: z.number().int().min(1), body: z.unknown() });

export async function readVersioned<S extends z.ZodType>(
  key: string,
  schema: S,
): Promise<Versioned<z.infer<S>> | undefined> {
  const raw: unknown = await retryRateLimited(() => kvs.entity<Stored>(VERSIONED_ENTITY).get(key));
  if (raw === undefined) return undefined;
  const envelope = EnvelopeSchema.safeParse(raw);
  if (!envelope.success) throw new StoredValueInvalid(key, 'not a versioned record');
  const body = schema.safeParse(envelope.data.body);
  if (!body.success) throw new StoredValueInvalid(key, body.error.issues[0]?.message ?? 'invalid');
  return { version: envelope.data.version, body: body.data };
}

/** Whether a storage error is a transaction condition that did not hold (another writer won). */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof ForgeKvsAPIError && error.responseDetails.status === 409;
}

/**
 * Stores `body` as version `expected + 1` only if the stored version is still `expected` (0 = absent).
 * `options.alongside` adds plain-key writes that must commit with it or not at all (at most 24
 * operations); `options.version` numbers the record otherwise (a record migrated from an older key
 * keeps counting from its old version). Returns the record written, or undefined when another writer
 * got there first (nothing is written then).
 */
export async function writeVersioned<S extends z.ZodType>(
  key: string,
  schema: S,
  expected: number,
  body: z.input<S>,
  options: { alongside?: (tx: TransactionBuilder) => void; version?: number } = {},
): Promise<Versioned<z.infer<S>> | undefined> {
  // Parse before writing: nothing invalid ever reaches storage, so reads can trust the schema.
  const record = { version: options.version ?? expected + 1, body: schema.parse(body) };
  const tx = kvs
    .transact()
    .set(key, record, { entityName: VERSIONED_ENTITY, conditions: versionIs(expected) });
  options.alongside?.(tx);
  try {
    // A refused (429) transaction wrote nothing, so sending it again keeps the compare-and-set exact.
    await pacedWrite(Buffer.byteLength(JSON.stringify(record), 'utf8'), () => tx.execute());
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
  return record;
}

/** Deletes the record only if it is still at `expected`; false when another writer changed it. */
export async function deleteVersioned(key: string, expected: number): Promise<boolean> {
  try {
    const tx = kvs.transact().delete(key, { entityName: VERSIONED_ENTITY, conditions: versionIs(expected) });
    await pacedWrite(key.length, () => tx.execute());
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
