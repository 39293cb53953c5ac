/**
 * Which projects make up the program for the current user: the configured team projects they may
 * browse, or, before an admin configured a program, every project they can browse.
 */
import type { ProgramSettings } from '../shared/contract';

export interface ScopeProject {
  key: string;
  name: string;
}

export interface ProgramScope {
  name: string;
  source: 'configured' | 'all-visible-projects';
  /** Program projects the user can browse, in the configured order. */
  visibleProjects: ScopeProject[];
  /** Program projects hidden from this user: counted, never named. */
  hiddenProjectCount: number;
}

/** `browsable`: project key -> name, as Jira answered for this user. */
export function programScopeFor(
  settings: ProgramSettings | undefined,
  browsable: ReadonlyMap<string, string>,
): ProgramScope {
  if (!settings || settings.projectKeys.length === 0) {
    // No team projects chosen (yet): every project the user can browse, as the engine reads it.
    return {
      name: settings?.name ?? 'All projects',
      source: 'all-visible-projects',
      visibleProjects: [...browsable].map(([key, name]) => ({ key, name })),
      hiddenProjectCount: 0,
    };
  }
  const visibleProjects = settings.projectKeys.flatMap((key) => {
    const name = browsable.get(key);
    return name === undefined ? [] : [{ key, name }];
  });
  return {
    name: settings.name,
    source: 'configured',
    visibleProjects,
    hiddenProjectCount: settings.projectKeys.length - visibleProjects.length,
  };
}
