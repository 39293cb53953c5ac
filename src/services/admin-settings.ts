/**
 * The admin page's installation facts: when the app was installed and upgraded, and what the last
 * sync saw. The program itself is read and changed through the program config (admin-config.ts).
 */
import type { AdminSettings } from '../shared/contract';
import { readLifecycle } from '../storage/lifecycle';
import { readProgramSummary } from '../storage/program-summary';

export async function getAdminSettings(): Promise<AdminSettings> {
  const [lifecycle, lastSync] = await Promise.all([readLifecycle(), readProgramSummary()]);
  return { lifecycle, lastSync: lastSync ?? null };
}
