/**
 * Type guards for reading Jira JSON on the hot path (every issue of a 100k program). They narrow
 * `unknown` step by step, never cast; a value of the wrong type reads as absent. zod would do the
 * same but copies every nested object it validates, which costs more than JSON.parse itself here
 * (measured: 0.43 s for 100k issues against 0.03 s), so smaller, colder inputs use zod schemas.
 */
export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectAt(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

export function stringAt(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function numberAt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function arrayAt(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}
