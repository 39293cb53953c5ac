/**
 * Lenient readers for single Jira field values. Real sites send numbers as strings, options as objects
 * or plain text: each reader returns undefined rather than failing, because one odd value must never
 * drop an issue (DOMAIN.md: lenient normalisation).
 */
import { isObject, stringAt, type JsonObject } from './json-guards';

const NUMERIC = /^\s*-?\d+(\.\d+)?\s*$/;

/** The value of one field of an issue's `fields`; undefined for an unmapped field. */
export function fieldValue(fields: JsonObject, id: string | undefined): unknown {
  return id === undefined ? undefined : fields[id];
}

export function readNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return typeof value === 'string' && NUMERIC.test(value) ? Number(value) : undefined;
}

export function readString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A select option (`{ value }`), an Atlassian team (`{ id, name }`) or plain text, as one display name. */
export function readName(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (!isObject(value)) return undefined;
  const id = value.id;
  return (
    stringAt(value.name) ??
    stringAt(value.value) ??
    stringAt(value.title) ??
    (typeof id === 'string' || typeof id === 'number' ? String(id) : undefined)
  );
}

/** Jira writes offsets as `+0000`; ECMAScript's date format wants `+00:00`. */
export function readDateMs(value: unknown): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const sign = value.charAt(value.length - 5);
  const text =
    (sign === '+' || sign === '-') && value.charAt(value.length - 3) !== ':'
      ? `${value.slice(0, -2)}:${value.slice(-2)}`
      : value;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}
