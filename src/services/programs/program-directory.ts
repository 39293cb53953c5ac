/**
 * The site's programs as the surfaces need them: the list with each program's team projects, the
 * programs a project belongs to, and the check that a payload's `programId` names a program.
 */
import type { ProgramEntry } from '../../shared/contract/programs';
import { readStoredConfig } from '../../storage/program-config';
import { readProgramRegistry, type Registry } from '../../storage/program-registry';
import { DEFAULT_PROGRAM_ID, withProgram } from '../../storage/program-scope';
import { InvalidInput, NotFound } from '../errors';
import { browsableProjectsOf } from '../user-access';
import type { Viewer } from '../viewer';

/** The name of the implicit `default` program: what its config calls it. */
async function defaultProgramName(): Promise<string> {
  return (await withProgram(DEFAULT_PROGRAM_ID, readStoredConfig))?.config.name ?? 'Program';
}

export async function readRegistry(): Promise<Registry> {
  return readProgramRegistry(await defaultProgramName());
}

/**
 * Each program with its team projects. Its name is its config's (which the admin may also change in
 * the config form); the registry's name stands in until a config is saved.
 */
export async function listPrograms(): Promise<ProgramEntry[]> {
  const { programs } = await readRegistry();
  return Promise.all(
    programs.map(async (p) => {
      const config = (await withProgram(p.id, readStoredConfig))?.config;
      return { ...p, name: config?.name ?? p.name, projects: config?.projects ?? [] };
    }),
  );
}

/** Programs whose team projects include `projectKey` (a program without a list includes every project). */
export async function programsForProject(projectKey: string): Promise<ProgramEntry[]> {
  return (await listPrograms()).filter((p) => p.projects.length === 0 || p.projects.includes(projectKey));
}

/** The programs as `viewer` may see them: only the team projects they may browse are named. */
export async function programsSeenBy(viewer: Viewer): Promise<ProgramEntry[]> {
  const visible = await browsableProjectsOf(viewer.asUser, viewer.accountId, viewer.now);
  return (await listPrograms()).map((p) => ({ ...p, projects: p.projects.filter((k) => visible.has(k)) }));
}

/** The programs of a project the viewer may browse; a hidden project is answered like a missing one. */
export async function programsOfVisibleProject(viewer: Viewer, projectKey: string): Promise<ProgramEntry[]> {
  const visible = await browsableProjectsOf(viewer.asUser, viewer.accountId, viewer.now);
  if (!visible.has(projectKey)) throw new NotFound(`No project ${projectKey} that you can browse.`);
  const programs = await programsForProject(projectKey);
  return programs.map((p) => ({ ...p, projects: p.projects.filter((k) => visible.has(k)) }));
}

export async function isProgram(programId: string): Promise<boolean> {
  const { programs, version } = await readProgramRegistry('');
  // No registry yet: the site holds exactly the program it always had.
  return version === 0 ? programId === DEFAULT_PROGRAM_ID : programs.some((p) => p.id === programId);
}

/** Refuses a `programId` the site does not hold, naming the field. */
export async function requireProgram(programId: string, field = 'programId'): Promise<void> {
  if (!(await isProgram(programId))) throw new InvalidInput(field, `no program with id ${programId}`);
}
