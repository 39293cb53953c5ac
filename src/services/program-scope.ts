/**
 * Which projects make up the program for the current user: the configured team projects they may
 * browse, or, before an admin configured a program, every project they can browse.
 */
import type { JiraClient } from '../jira/client';
import { listBrowsableProjects } from '../jira/reads';
import type { JiraProject } from '../jira/schemas';
import type { ProgramSettings } from '../shared/contract';

export interface ProgramScope {
  name: string;
  source: 'configured' | 'all-visible-projects';
  /** Program projects the user can browse, in the configured order. */
  visibleProjects: JiraProject[];
  /** Program projects hidden from this user: counted, never named. */
  hiddenProjectCount: number;
}

export async function programScopeFor(
  asUser: JiraClient,
  settings: ProgramSettings | undefined,
): Promise<ProgramScope> {
  const browsable = await listBrowsableProjects(asUser);
  if (!settings) {
    return {
      name: 'All projects',
      source: 'all-visible-projects',
      visibleProjects: browsable,
      hiddenProjectCount: 0,
    };
  }
  const byKey = new Map(browsable.map((p) => [p.key, p]));
  const visibleProjects = settings.projectKeys.flatMap((key) => byKey.get(key) ?? []);
  return {
    name: settings.name,
    source: 'configured',
    visibleProjects,
    hiddenProjectCount: settings.projectKeys.length - visibleProjects.length,
  };
}
