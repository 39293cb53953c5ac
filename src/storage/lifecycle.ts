/** When the app was installed and last upgraded (the admin page shows both). */
import { z } from 'zod';
import { STORAGE_KEYS } from './keys';
import { readStored, writeStored } from './stored-json';

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
