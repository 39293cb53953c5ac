/** Issue properties by issue key (`{ [key]: { [property]: json } }`), keeping only the one we read. */
import { z } from 'zod';

const PropertiesSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

export function readIssueProperties(raw: unknown, property: string): Map<string, Record<string, unknown>> {
  const parsed = PropertiesSchema.safeParse(raw ?? {});
  const result = new Map<string, Record<string, unknown>>();
  if (!parsed.success) return result;
  for (const [key, props] of Object.entries(parsed.data)) {
    if (property in props) result.set(key, { [property]: props[property] });
  }
  return result;
}
