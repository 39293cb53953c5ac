/**
 * The program at a glance, from its work items: epics in rank order with their children, per-team
 * counts, and the open dependencies between visible items. Team = project (DOMAIN.md default).
 */
import type { WorkItem } from '../work-item';

export interface TeamCounts {
  projectKey: string;
  epics: number;
  openItems: number;
  doneItems: number;
}

export interface EpicSummary {
  epic: WorkItem;
  programRank: number;
  childCount: number;
  openChildCount: number;
}

export interface OpenDependency {
  provider: WorkItem | WorkItem['dependencies'][number]['other'];
  dependant: WorkItem;
  crossTeam: boolean;
}

const isEpic = (item: WorkItem): boolean =>
  item.hierarchyLevel === 1 || (item.hierarchyLevel === undefined && item.issueType === 'Epic');
const isBacklogItem = (item: WorkItem): boolean =>
  item.hierarchyLevel === 0 || (item.hierarchyLevel === undefined && item.issueType !== 'Epic');

/** Epics keep the order of `items` (callers pass them in Jira rank order). */
export function summarizeEpics(items: readonly WorkItem[]): EpicSummary[] {
  const children = new Map<string, WorkItem[]>();
  for (const item of items) {
    if (!item.parentKey || !isBacklogItem(item)) continue;
    children.set(item.parentKey, [...(children.get(item.parentKey) ?? []), item]);
  }
  return items.filter(isEpic).map((epic, index) => {
    const own = children.get(epic.key) ?? [];
    return {
      epic,
      programRank: index + 1,
      childCount: own.length,
      openChildCount: own.filter((c) => c.statusCategory !== 'done').length,
    };
  });
}

export function countByTeam(items: readonly WorkItem[], projectKeys: readonly string[]): TeamCounts[] {
  return projectKeys.map((projectKey) => {
    const own = items.filter((i) => i.projectKey === projectKey);
    const backlog = own.filter(isBacklogItem);
    return {
      projectKey,
      epics: own.filter(isEpic).length,
      openItems: backlog.filter((i) => i.statusCategory !== 'done').length,
      doneItems: backlog.filter((i) => i.statusCategory === 'done').length,
    };
  });
}

/**
 * Open dependencies seen from the dependant's side (each link is reported once): the provider is not
 * done and the dependant is not done either, since a finished item waits for nothing.
 */
export function openDependencies(items: readonly WorkItem[]): OpenDependency[] {
  return items.flatMap((dependant) =>
    dependant.statusCategory === 'done'
      ? []
      : dependant.dependencies
          .filter((d) => d.direction === 'needs' && d.other.statusCategory !== 'done')
          .map((d) => ({
            provider: d.other,
            dependant,
            crossTeam: d.other.projectKey !== dependant.projectKey,
          })),
  );
}
