import { z } from 'zod';
import { ProgramSettingsSchema, type ProgramSettings } from '../shared/contract';
import { STORAGE_KEYS } from './keys';
import { readStored, writeStored } from './stored-json';

export function readProgramSettings(): Promise<ProgramSettings | undefined> {
  return readStored(STORAGE_KEYS.programSettings, ProgramSettingsSchema);
}

export function writeProgramSettings(settings: ProgramSettings): Promise<void> {
  return writeStored(STORAGE_KEYS.programSettings, ProgramSettingsSchema, settings);
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
