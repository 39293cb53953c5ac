/**
 * The shape of a field resolution: which field holds each role on this site, how that was decided, and
 * what was guessed. Computed once (resolve-fields.ts), stored with the snapshot, and read as-is by the
 * engine, the services and the report, so they can never map one site differently.
 */
import { z } from 'zod';
import { FieldRoleSchema, type FieldMap, type FieldRole } from './field-roles';

export const CatalogFieldSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  schema: z.looseObject({ type: z.string().optional(), custom: z.string().optional() }).optional(),
});
export type CatalogField = z.infer<typeof CatalogFieldSchema>;

/**
 * `configured`: named in the program config; `board`: the board's estimation field
 * (`board/{id}/configuration`); `observed`: the candidate that carries values; `type`: Jira's custom
 * type for the role; `name`: the first known name on the site; `missing`: none of these.
 */
export const FieldSourceSchema = z.enum(['configured', 'board', 'observed', 'type', 'name', 'missing']);
export type FieldSource = z.infer<typeof FieldSourceSchema>;

export const ResolvedFieldSchema = z.strictObject({
  role: FieldRoleSchema,
  id: z.string().optional(),
  source: FieldSourceSchema,
  note: z.string(),
});
export type ResolvedField = z.infer<typeof ResolvedFieldSchema>;

export const ProjectFieldSchema = z.strictObject({
  project: z.string(),
  id: z.string(),
  source: FieldSourceSchema,
  note: z.string(),
});
/** A project whose story points live in another field than the program's. */
export type ProjectField = z.infer<typeof ProjectFieldSchema>;

export const FieldResolutionSchema = z.strictObject({
  fields: z.array(ResolvedFieldSchema),
  storyPointsByProject: z.array(ProjectFieldSchema),
  warnings: z.array(z.string()),
});
export type FieldResolution = z.infer<typeof FieldResolutionSchema>;

/** What a board estimates with: `fieldId` undefined when it counts issues or does not estimate. */
export interface BoardEstimation {
  boardId: number;
  projectKey: string;
  fieldId: string | undefined;
}

/** How many issues carry a value in each field, by project: field id -> project key -> count. */
export type ObservedValues = ReadonlyMap<string, ReadonlyMap<string, number>>;

export function fieldMapOf(resolution: FieldResolution): FieldMap {
  const map: FieldMap = {};
  for (const f of resolution.fields) if (f.id !== undefined) map[f.role] = f.id;
  return map;
}

export function resolvedRole(resolution: FieldResolution, role: FieldRole): ResolvedField | undefined {
  return resolution.fields.find((f) => f.role === role);
}

/** Every field id the resolution reads (program-wide and per project): what to request from Jira. */
export function resolvedFieldIds(resolution: FieldResolution): string[] {
  const ids = resolution.fields.flatMap((f) => (f.id === undefined ? [] : [f.id]));
  return [...new Set([...ids, ...resolution.storyPointsByProject.map((p) => p.id)])];
}
