/**
 * The program configuration the engine runs with (src/domain/config/program-config.ts), as the admin
 * saved it: versioned, with its history kept (the last {@link HISTORY_KEEP} versions can be shown and
 * restored). Each save names the version it was based on and is stored by compare-and-set, with its
 * history entry in the same transaction: two admins saving at once cannot both get the same version,
 * and a save based on an older version never silently reverts a newer one. What older versions of the
 * app stored (`settings:program-config:v2` as a plain key, `settings:program:v1`) is read until the
 * first save. Every consumer reads through here.
 */
import { z } from 'zod';
import { parseProgramConfig, ProgramConfigSchema, type ProgramConfig } from '../domain/config/program-config';
import { programKey, STORAGE_KEYS } from './keys';
import { currentProgramId, DEFAULT_PROGRAM_ID } from './program-scope';
import { readStored } from './stored-json';
import { readVersioned, writeVersioned } from './versioned-entity';

/** Where versions before compare-and-set kept the current config: read until the first save. */
export const CONFIG_KEY = 'settings:program-config:v2';
const CONFIG_RECORD = 'program-config';
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
  /** What changed against the version before, as sentences (config-diff.ts); empty for older records. */
  changes: z.array(z.string().max(500)).max(200).default([]),
});
export type StoredConfig = z.infer<typeof StoredConfigSchema>;

/** What versions before the program config stored (`settings:program:v1`); read once, as version 0. */
const LegacySettingsSchema = z.looseObject({
  name: z.string(),
  projectKeys: z.array(z.string()),
  fieldOverrides: z.record(z.string(), z.string()).optional(),
});

const historyKey = (version: number) => programKey(`${HISTORY_PREFIX}${String(version).padStart(8, '0')}`);

const ConfigBodySchema = StoredConfigSchema.omit({ version: true });

/** The current config and the record version a compare-and-set must find (0 = not migrated yet). */
async function readWithRecordVersion(): Promise<{ stored: StoredConfig | undefined; recordVersion: number }> {
  const record = await readVersioned(programKey(CONFIG_RECORD), ConfigBodySchema);
  if (record) return { stored: { ...record.body, version: record.version }, recordVersion: record.version };
  return { stored: await readLegacyConfig(), recordVersion: 0 };
}

/** The current config record; what the app stored before versioning becomes version 0. */
export async function readStoredConfig(): Promise<StoredConfig | undefined> {
  return (await readWithRecordVersion()).stored;
}

async function readLegacyConfig(): Promise<StoredConfig | undefined> {
  const current = await readStored(programKey(CONFIG_KEY), StoredConfigSchema);
  if (current) return current;
  // Only the program every older installation had can have the oldest settings.
  if (currentProgramId() !== DEFAULT_PROGRAM_ID) return undefined;
  const legacy = await readStored(STORAGE_KEYS.programSettings, LegacySettingsSchema);
  if (!legacy) return undefined;
  const config = parseProgramConfig({
    name: legacy.name,
    projects: legacy.projectKeys,
    fields: legacy.fieldOverrides ?? {},
  });
  return { version: 0, config, savedAt: null, savedBy: null, note: 'migrated', changes: [] };
}

export async function readProgramConfig(): Promise<ProgramConfig> {
  return (await readStoredConfig())?.config ?? parseProgramConfig({});
}

export type ConfigSave =
  { ok: true; stored: StoredConfig } | { ok: false; current: StoredConfig | undefined };

/**
 * Stores `config` as the next version if the current one is still `baseVersion` (0 = nothing saved),
 * with its history entry; the entry {@link HISTORY_KEEP} versions back is dropped in the same write.
 */
export async function saveProgramConfig(
  config: ProgramConfig,
  by: Actor | null,
  now: number,
  baseVersion: number,
  note = 'saved',
  changes: readonly string[] = [],
): Promise<ConfigSave> {
  const { stored, recordVersion } = await readWithRecordVersion();
  if ((stored?.version ?? 0) !== baseVersion) return { ok: false, current: stored };
  const version = baseVersion + 1;
  const body = {
    config,
    savedAt: new Date(now).toISOString(),
    savedBy: by,
    note,
    changes: changes.slice(0, 200),
  };
  const record: StoredConfig = StoredConfigSchema.parse({ ...body, version });
  const written = await writeVersioned(programKey(CONFIG_RECORD), ConfigBodySchema, recordVersion, body, {
    version,
    alongside: (tx) => {
      tx.set(historyKey(version), record);
      if (version - HISTORY_KEEP >= 1) tx.delete(historyKey(version - HISTORY_KEEP));
    },
  });
  if (written) return { ok: true, stored: record };
  return { ok: false, current: (await readWithRecordVersion()).stored };
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
