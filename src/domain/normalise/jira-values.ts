/**
 * Lenient readers for single Jira field values. Real sites send numbers as strings, legacy sprint
 * strings, options as objects or plain text: each reader returns undefined rather than failing, because
 * one odd value must never drop an issue (DOMAIN.md: lenient normalisation).
 */
import { z } from 'zod';

const NumberLike = z.union([
  z.number(),
  z
    .string()
    .regex(/^\s*-?\d+(\.\d+)?\s*$/)
    .transform(Number),
]);
const Named = z.object({
  name: z.string().optional().catch(undefined),
  value: z.string().optional().catch(undefined),
  title: z.string().optional().catch(undefined),
  id: z.union([z.string(), z.number()]).optional().catch(undefined),
});

/** The value of one field of a raw issue's `fields`, without trusting its type. */
export function fieldValue(fields: unknown, id: string | undefined): unknown {
  if (id === undefined || typeof fields !== 'object' || fields === null) return undefined;
  const value: unknown = Reflect.get(fields, id);
  return value;
}

export function readNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value === null || value === undefined) return undefined;
  const parsed = NumberLike.safeParse(value);
  return parsed.success && Number.isFinite(parsed.data) ? parsed.data : undefined;
}

export function readString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A select option (`{ value }`), an Atlassian team (`{ id, name }`) or plain text, as one display name. */
export function readName(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  const parsed = Named.safeParse(value);
  if (!parsed.success) return undefined;
  const { name, value: v, title, id } = parsed.data;
  return name ?? v ?? title ?? (id === undefined ? undefined : String(id));
}

/** Jira writes offsets as `+0000`; ECMAScript's date format wants `+00:00`. */
export function readDateMs(value: unknown): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const ms = Date.parse(value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isFinite(ms) ? ms : undefined;
}
