/**
 * Scheduled and event work that is the site's, not one program's, runs once per program, each inside
 * its program's scope. One program's failure is logged and does not stop the others.
 */
import { withProgram } from '../../storage/program-scope';
import { listPrograms } from './program-directory';
import type { ProgramEntry } from '../../shared/contract/programs';

export async function forEachProgram(
  event: string,
  work: (program: ProgramEntry) => Promise<void>,
  only: (program: ProgramEntry) => boolean = () => true,
): Promise<void> {
  for (const program of (await listPrograms()).filter(only)) {
    try {
      await withProgram(program.id, () => work(program));
    } catch (error) {
      console.error(
        JSON.stringify({ event: `${event}-failed`, programId: program.id, error: String(error) }),
      );
    }
  }
}

/**
 * Whether `programId` owns a project's site-wide effects (status badges): the first program, in the
 * registry's order, whose teams include the project.
 */
export async function projectOwner(programId: string): Promise<(projectKey: string) => boolean> {
  const programs = await listPrograms();
  return (projectKey) => programs.find((p) => includesProject(p, projectKey))?.id === programId;
}

/** Whether the program's teams include `projectKey` (unknown project, e.g. a link event: every program). */
export function includesProject(program: ProgramEntry, projectKey: string | undefined): boolean {
  return projectKey === undefined || program.projects.length === 0 || program.projects.includes(projectKey);
}
