/**
 * The program configuration the engine runs with (src/domain/config/program-config.ts), as the admin
 * saved it: versioned, with its history kept (the last {@link HISTORY_KEEP} versions can be shown and
 * restored). What older versions of the app stored (`settings:program:v1`: name, projects, field
 * overrides) is read as version 0 until the first save. Every consumer reads through here.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { parseProgramConfig, ProgramConfigSchema, type ProgramConfig } from '../domain/config/program-config';
import { STORAGE_KEYS } from './keys';
import { readStored, writeStored } from './stored-json';

export const CONFIG_KEY = 'settings:program-config:v2';
const HISTORY_PREFIX = 'settings:program-config:v2:history:';
export const HISTORY_KEEP = 20;

const ActorSchema = z.strictObject({ accountId: z.string(), displayName: z.string() });
export type Actor = z.infer<typeof ActorSchema>;

export const StoredConfigSchema = z.strictObject({
  version: z.number().int().min(0),
  config: ProgramConfigSchema,
  savedAt: z.string().nullable(),
  savedBy: ActorSchema.nullable(),
  /** Why this version exists: "saved", "restored version 3", "migrated". */
  note: z.string(),
});
export type StoredConfig = z.infer<typeof StoredConfigSchema>;

/** What versions before the program config stored (`settings:program:v1`); read once, as version 0. */
const LegacySettingsSchema = z.looseObject({
  name: z.string(),
  projectKeys: z.array(z.string()),
  fieldOverrides: z.record(z.string(), z.string()).optional(),
});

const historyKey = (version: number) => `${HISTORY_PREFIX}${String(version).padStart(8, '0')}`;

/** The current config record; what the app stored before versioning becomes version 0. */
export async function readStoredConfig(): Promise<StoredConfig | undefined> {
  const current = await readStored(CONFIG_KEY, StoredConfigSchema);
  if (current) return current;
  const legacy = await readStored(STORAGE_KEYS.programSettings, LegacySettingsSchema);
  if (!legacy) return undefined;
  const config = parseProgramConfig({
    name: legacy.name,
    projects: legacy.projectKeys,
    fields: legacy.fieldOverrides ?? {},
  });
  return { version: 0, config, savedAt: null, savedBy: null, note: 'migrated' };
}

export async function readProgramConfig(): Promise<ProgramConfig> {
  return (await readStoredConfig())?.config ?? parseProgramConfig({});
}

/** Stores `config` as the next version and keeps it in the history; older history is dropped. */
export async function saveProgramConfig(
  config: ProgramConfig,
  by: Actor | null,
  now: number,
  note = 'saved',
): Promise<StoredConfig> {
  const current = await readStoredConfig();
  const record: StoredConfig = {
    version: (current?.version ?? 0) + 1,
    config,
    savedAt: new Date(now).toISOString(),
    savedBy: by,
    note,
  };
  await writeStored(historyKey(record.version), StoredConfigSchema, record);
  await writeStored(CONFIG_KEY, StoredConfigSchema, record);
  const expired = record.version - HISTORY_KEEP;
  if (expired >= 1) await kvs.delete(historyKey(expired));
  return record;
}

/** Saved versions, newest first (at most {@link HISTORY_KEEP}). */
export async function listConfigVersions(): Promise<StoredConfig[]> {
  const current = await readStoredConfig();
  if (!current || current.version === 0) return current ? [current] : [];
  const versions: number[] = [];
  for (let v = current.version; v >= 1 && v > current.version - HISTORY_KEEP; v--) versions.push(v);
  const records = await Promise.all(versions.map((v) => readStored(historyKey(v), StoredConfigSchema)));
  return records.filter((r): r is StoredConfig => r !== undefined);
}

export function readConfigVersion(version: number): Promise<StoredConfig | undefined> {
  return readStored(historyKey(version), StoredConfigSchema);
}
