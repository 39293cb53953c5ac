/**
 * The program as the older settings shape (name, projects, field ids), derived from the stored program
 * config (src/storage/program-config.ts) so the snapshot and the views keep one source of truth.
 */
import { z } from 'zod';
import { FieldIdSchema, type FieldOverrides, type ProgramSettings } from '../shared/contract';
import { STORAGE_KEYS } from './keys';
import { readProgramConfig, readStoredConfig, saveProgramConfig } from './program-config';
import { readStored, writeStored } from './stored-json';

/** Field references that are ids (names are resolved by discovery, which the snapshot already runs). */
function fieldIds(fields: Record<string, string | undefined>): FieldOverrides {
  const out: Record<string, string> = {};
  for (const [role, ref] of Object.entries(fields)) {
    if (ref !== undefined && FieldIdSchema.safeParse(ref).success) out[role] = ref;
  }
  return out;
}

export async function readProgramSettings(): Promise<ProgramSettings | undefined> {
  const stored = await readStoredConfig();
  if (!stored) return undefined;
  const { name, projects, fields } = stored.config;
  const overrides = fieldIds(fields);
  return {
    name,
    projectKeys: projects,
    ...(Object.keys(overrides).length > 0 ? { fieldOverrides: overrides } : {}),
  };
}

/** Saves name, projects and field ids into the next config version (the rest of the config is kept). */
export async function writeProgramSettings(settings: ProgramSettings, now: number): Promise<void> {
  const config = await readProgramConfig();
  await saveProgramConfig(
    {
      ...config,
      name: settings.name,
      projects: settings.projectKeys,
      fields: { ...config.fields, ...(settings.fieldOverrides ?? {}) },
    },
    null,
    now,
  );
}

export const LifecycleRecordSchema = z
  .object({ installedAt: z.string().nullable(), lastUpgradeAt: z.string().nullable() })
  .strict();
export type LifecycleRecord = z.infer<typeof LifecycleRecordSchema>;

export async function readLifecycle(): Promise<LifecycleRecord> {
  return (
    (await readStored(STORAGE_KEYS.lifecycle, LifecycleRecordSchema)) ?? {
      installedAt: null,
      lastUpgradeAt: null,
    }
  );
}

export function writeLifecycle(record: LifecycleRecord): Promise<void> {
  return writeStored(STORAGE_KEYS.lifecycle, LifecycleRecordSchema, record);
}
