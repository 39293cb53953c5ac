/**
 * The admin page: the program config with its saved versions, and the installation facts.
 */
import { z } from 'zod';
import { ProgramConfigSchema } from '../../domain/config/program-config';

/** The field roles the config can name, in the order the admin page lists them (one list for every layer). */
export { FIELD_ROLES, type FieldRole } from '../../domain/config/field-roles';
import { ActorSchema } from './common';
import { ProgramSyncSchema } from './snapshot';

/** The admin page's installation facts (the program itself is the program config). */
export const AdminSettingsSchema = z.object({
  lifecycle: z.object({ installedAt: z.string().nullable(), lastUpgradeAt: z.string().nullable() }),
  lastSync: ProgramSyncSchema.nullable(),
});
export type AdminSettings = z.infer<typeof AdminSettingsSchema>;

export const ConfigVersionSchema = z.object({
  version: z.number().int(),
  savedAt: z.string().nullable(),
  savedBy: ActorSchema.nullable(),
  note: z.string(),
  /** What this version changed, as sentences ("Horizon: minimum sprints 2 → 3"). */
  changes: z.array(z.string()).default([]),
});
export type ConfigVersion = z.infer<typeof ConfigVersionSchema>;

export const AdminConfigSchema = z.object({
  /** The full program config (src/domain/config/program-config.ts), every default filled in. */
  config: ProgramConfigSchema,
  version: ConfigVersionSchema.nullable(),
  history: z.array(ConfigVersionSchema),
  availableProjects: z.array(z.object({ key: z.string(), name: z.string() })),
  /** What the last save did in Jira besides storing (level options renamed, impediments moved, failures). */
  notices: z.array(z.string()).default([]),
  /** The site's link types, each classified under the saved config, with why. */
  linkTypes: z.array(
    z.object({
      name: z.string(),
      dependency: z.enum(['prerequisite is the source', 'prerequisite is the target']).nullable(),
      reason: z.string(),
    }),
  ),
});
export type AdminConfig = z.infer<typeof AdminConfigSchema>;
