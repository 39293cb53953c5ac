/**
 * The compact encoding of bulk records (snapshot chunks, analysis parts): the JSON deflated and stored as
 * one base64 string, `{ "deflated": "..." }`. Forge meters storage by request size in 10 KB units and
 * prices it per GB written, and JSON of issues deflates about eight to one, so a build writes and a view
 * reads a fraction of the units. A value that would not get smaller is stored as it is, and a reader
 * accepts both, so values written before the encoding (or incompressible ones) still read.
 */
import { promisify } from 'node:util';
import { deflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';

const PackedSchema = z.strictObject({ deflated: z.string() });

const DEFLATE = { level: 6 } as const;
const deflateRawAsync = promisify(deflateRaw);

/** Over 40% of the JSON, packing saves too little to be worth the reader's inflate. */
const worthPacking = (deflated: string, jsonLength: number) => deflated.length + 16 <= jsonLength * 0.6;

/** The value to store for `value` (already parsed by its schema), and its size in bytes. */
export function pack(value: unknown): { stored: unknown; bytes: number } {
  const json = JSON.stringify(value);
  const deflated = deflateRawSync(json, DEFLATE).toString('base64');
  if (!worthPacking(deflated, json.length)) return { stored: value, bytes: Buffer.byteLength(json) };
  return { stored: { deflated }, bytes: deflated.length + 16 };
}

/**
 * {@link pack} for a value its caller already holds as UTF-8 JSON (a snapshot chunk), deflated on
 * libuv's thread pool: a full build packs hundreds of chunks while it parses pages on the main thread.
 */
export async function packJson(json: Buffer): Promise<{ stored: unknown; bytes: number }> {
  const deflated = (await deflateRawAsync(json, DEFLATE)).toString('base64');
  if (!worthPacking(deflated, json.length))
    return { stored: JSON.parse(json.toString('utf8')), bytes: json.length };
  return { stored: { deflated }, bytes: deflated.length + 16 };
}

/** What was packed (or the value itself when it was stored plain). */
export function unpack(raw: unknown): unknown {
  const packed = PackedSchema.safeParse(raw);
  if (!packed.success) return raw;
  return JSON.parse(inflateRawSync(Buffer.from(packed.data.deflated, 'base64')).toString('utf8'));
}

/**
 * A schema that reads a value stored packed or plain as `schema` (for records written packed, such as
 * the pointers, whose older values were written plain).
 */
export function packedOr<S extends z.ZodType>(schema: S) {
  return z.preprocess(unpack, schema);
}
