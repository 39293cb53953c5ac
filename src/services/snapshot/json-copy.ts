/**
 * The JSON copy the snapshot stores of a Jira value: without what Jira adds for browsers (self URLs,
 * avatars, icons, colours) and cut at a depth Forge accepts.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/**
 * How deep a field's value is kept. Forge refuses values nested over 32 levels, and a chunk puts a field
 * 4 levels down (chunk, issues, issue, fields); deeper content (a description nested 900 levels) is cut
 * there, which also bounds the copy's recursion. Readiness reads only the first levels of ADF.
 */
export const MAX_FIELD_DEPTH = 24;

const NOISE = new Set(['self', 'avatarUrls', 'iconUrl', 'expand', 'colorName', 'avatarId', 'entityId']);

/** Keys that describe a value for people (an issue type's or status's description), not the value. */
const NESTED_NOISE = new Set(['description', 'colorName', 'iconUrl']);

/** A JSON object from a reply (not an array, not null). */
export const isRecord = (v: unknown): v is { [key: string]: unknown } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A JSON copy without the browser noise (undefined past {@link MAX_FIELD_DEPTH} or for what JSON cannot
 * hold). Runs on every custom field of every issue of a full build, so it loops without the
 * intermediate arrays of `flatMap` / `Object.entries`.
 */
export function toJson(value: unknown, depth = 0): Json | undefined {
  if (depth > MAX_FIELD_DEPTH) return undefined;
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string')
    return value;
  if (Array.isArray(value)) {
    const items: Json[] = [];
    for (const item of value) {
      const json = toJson(item, depth + 1);
      if (json !== undefined) items.push(json);
    }
    return items;
  }
  if (typeof value !== 'object') return undefined;
  const out: JsonObject = {};
  for (const k in value) {
    if (!Object.hasOwn(value, k) || NOISE.has(k)) continue;
    const v: unknown = Reflect.get(value, k);
    if (depth > 0 && NESTED_NOISE.has(k) && typeof v === 'string') continue;
    const json = toJson(v, depth + 1);
    if (json !== undefined) out[k] = json;
  }
  return out;
}

/**
 * `value` (at `depth`) with only `keys`, each copied with {@link toJson}: the same as copying the whole
 * object and then picking, without copying what is left out. Anything but an object is copied whole.
 */
export function pickJson(value: unknown, keys: readonly string[], depth: number): Json | undefined {
  if (depth > MAX_FIELD_DEPTH) return undefined;
  if (!isRecord(value)) return toJson(value, depth);
  const out: JsonObject = {};
  for (const key of keys) {
    if (!Object.hasOwn(value, key)) continue;
    const json = toJson(value[key], depth + 1);
    if (json !== undefined) out[key] = json;
  }
  return out;
}
