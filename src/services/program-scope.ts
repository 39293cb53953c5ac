/**
 * Which projects make up the program for the current user: the configured team projects they may
 * browse, or, before an admin configured a program, every project they can browse.
 */
import type { ProgramConfig } from '../domain/config/program-config';

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

/** `config`: the saved program config (undefined before any); `browsable`: project key -> name for this user. */
export function programScopeFor(
  config: Pick<ProgramConfig, 'name' | 'projects'> | undefined,
  browsable: ReadonlyMap<string, string>,
): ProgramScope {
  if (!config || config.projects.length === 0) {
    // No team projects chosen (yet): every project the user can browse, as the engine reads it.
    return {
      name: config?.name ?? 'All projects',
      source: 'all-visible-projects',
      visibleProjects: [...browsable].map(([key, name]) => ({ key, name })),
      hiddenProjectCount: 0,
    };
  }
  const visibleProjects = config.projects.flatMap((key) => {
    const name = browsable.get(key);
    return name === undefined ? [] : [{ key, name }];
  });
  return {
    name: config.name,
    source: 'configured',
    visibleProjects,
    hiddenProjectCount: config.projects.length - visibleProjects.length,
  };
}
