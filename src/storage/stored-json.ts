/**
 * Typed access to @forge/kvs: every read is parsed with the schema of what we stored, so a value written
 * by an older app version or damaged in transit is reported, never used as if it were valid.
 */
import { kvs } from '@forge/kvs';
import type { z } from 'zod';
import { pacedWrite, retryRateLimited } from './kvs-budget';
import { pack } from './packed-json';

export class StoredValueInvalid extends Error {
  constructor(
    readonly key: string,
    detail: string,
  ) {
    super(`stored value ${key} is not valid: ${detail}`);
  }
}

export async function readStored<S extends z.ZodType>(
  key: string,
  schema: S,
): Promise<z.infer<S> | undefined> {
  const raw: unknown = await retryRateLimited(() => kvs.get(key));
  if (raw === undefined) return undefined;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new StoredValueInvalid(key, parsed.error.issues[0]?.message ?? 'invalid');
  return parsed.data;
}

export async function writeStored<S extends z.ZodType>(
  key: string,
  schema: S,
  value: z.input<S>,
): Promise<void> {
  // Parse before writing too: nothing invalid ever reaches storage, so reads can trust the schema.
  const parsed: unknown = schema.parse(value);
  const bytes = Buffer.byteLength(JSON.stringify(parsed) ?? '', 'utf8') + key.length;
  await pacedWrite(bytes, () => kvs.set(key, parsed));
}

/** Writes a bulk record (a chunk, an analysis part) in the compact encoding (packed-json.ts). */
export async function writePacked<S extends z.ZodType>(
  key: string,
  schema: S,
  value: z.input<S>,
): Promise<void> {
  const { stored, bytes } = pack(schema.parse(value));
  await pacedWrite(bytes + key.length, () => kvs.set(key, stored));
}
