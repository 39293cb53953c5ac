/** The admin page's use cases: read and change the program, see the app's lifecycle and last sync. */
import type { JiraClient } from '../jira/client';
import { listBrowsableProjects } from '../jira/reads';
import type { AdminSettings, ProgramSettings } from '../shared/contract';
import { readLifecycle, readProgramSettings, writeProgramSettings } from '../storage/program-settings';
import { readProgramSummary } from '../storage/program-summary';
import { InvalidInput } from './errors';
import { requestSnapshotJob } from './snapshot/snapshot-requests';

export async function getAdminSettings(asUser: JiraClient): Promise<AdminSettings> {
  const [settings, projects, lifecycle, lastSync] = await Promise.all([
    readProgramSettings(),
    listBrowsableProjects(asUser),
    readLifecycle(),
    readProgramSummary(),
  ]);
  return {
    settings: settings ?? null,
    availableProjects: projects.map((p) => ({ key: p.key, name: p.name })),
    lifecycle,
    lastSync: lastSync ?? null,
  };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Saves the program after checking that every project exists; a bad key is named, nothing is stored.
 * Field overrides left out of the payload keep their stored value. A change of projects or fields
 * asks for a full rebuild of the snapshot.
 */
export async function saveAdminSettings(
  asUser: JiraClient,
  settings: ProgramSettings,
  now: number,
): Promise<AdminSettings> {
  const known = new Set((await listBrowsableProjects(asUser)).map((p) => p.key));
  settings.projectKeys.forEach((key, index) => {
    if (!known.has(key))
      throw new InvalidInput(`settings.projectKeys.${index}`, `project ${key} does not exist`);
  });
  const duplicate = settings.projectKeys.find((key, index) => settings.projectKeys.indexOf(key) !== index);
  if (duplicate) throw new InvalidInput('settings.projectKeys', `project ${duplicate} is listed twice`);
  const stored = await readProgramSettings();
  const fieldOverrides = settings.fieldOverrides ?? stored?.fieldOverrides;
  const next: ProgramSettings = { ...settings, ...(fieldOverrides ? { fieldOverrides } : {}) };
  await writeProgramSettings(next);
  const changed =
    !sameJson(stored?.projectKeys, next.projectKeys) ||
    !sameJson(stored?.fieldOverrides, next.fieldOverrides);
  if (changed) await requestSnapshotJob({ reason: 'settings', mode: 'full' }, now);
  return getAdminSettings(asUser);
}
