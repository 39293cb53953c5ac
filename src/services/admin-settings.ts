/** The admin page's use cases: read and change the program, see the app's lifecycle and last sync. */
import type { JiraClient } from '../jira/client';
import { listBrowsableProjects } from '../jira/reads';
import type { AdminSettings, ProgramSettings } from '../shared/contract';
import { readLifecycle, readProgramSettings, writeProgramSettings } from '../storage/program-settings';
import { readProgramSummary } from '../storage/program-summary';
import { InvalidInput } from './errors';

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

/** Saves the program after checking that every project exists; a bad key is named, nothing is stored. */
export async function saveAdminSettings(
  asUser: JiraClient,
  settings: ProgramSettings,
): Promise<AdminSettings> {
  const known = new Set((await listBrowsableProjects(asUser)).map((p) => p.key));
  settings.projectKeys.forEach((key, index) => {
    if (!known.has(key))
      throw new InvalidInput(`settings.projectKeys.${index}`, `project ${key} does not exist`);
  });
  const duplicate = settings.projectKeys.find((key, index) => settings.projectKeys.indexOf(key) !== index);
  if (duplicate) throw new InvalidInput('settings.projectKeys', `project ${duplicate} is listed twice`);
  await writeProgramSettings(settings);
  return getAdminSettings(asUser);
}
