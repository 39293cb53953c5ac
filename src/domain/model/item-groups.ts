/**
 * The groups of items the analyses select from, found in one pass over the items. At 100k issues a
 * pass over every item record costs 20-35 ms of memory traffic (the records are spread over the heap),
 * and the analyses used to make a dozen such passes to pick the few items each needs; now each reads
 * its group, a list of item indexes in item order (so every result keeps its order).
 */
import type { ParentSource, ProgramItem } from './program-model';

export interface ItemGroups {
  /** Open, in-program backlog items (stories, tasks, bugs): readiness, horizon and rank work on these. */
  openBacklog: number[];
  /** In-program backlog items, open or done: a team's velocity counts the done ones. */
  backlog: number[];
  /** Open, in-program epics. */
  openEpics: number[];
  /** In-program impediments, open or resolved. */
  impediments: number[];
  /** Open items whose Flagged field says "Impediment", of any kind. */
  flaggedOpen: number[];
  /** Items known only from another issue's link. */
  external: number[];
  /** In-program items, and in-program epics. */
  inProgram: number;
  epicsInProgram: number;
  /** How many in-program items took their parent from each field. */
  parentSources: Record<ParentSource, number>;
}

export function itemGroups(items: readonly ProgramItem[]): ItemGroups {
  const groups: ItemGroups = {
    openBacklog: [],
    backlog: [],
    openEpics: [],
    impediments: [],
    flaggedOpen: [],
    external: [],
    inProgram: 0,
    epicsInProgram: 0,
    parentSources: { parent: 0, 'epic-link': 0, 'parent-link': 0 },
  };
  for (let node = 0; node < items.length; node++) {
    const item = items[node];
    if (item === undefined) continue;
    if (item.flagged && !item.done) groups.flaggedOpen.push(node);
    if (item.external) {
      groups.external.push(node);
      continue;
    }
    groups.inProgram++;
    if (item.parentVia !== undefined) groups.parentSources[item.parentVia]++;
    if (item.kind === 'backlog') {
      groups.backlog.push(node);
      if (!item.done) groups.openBacklog.push(node);
    } else if (item.kind === 'epic') {
      groups.epicsInProgram++;
      if (!item.done) groups.openEpics.push(node);
    } else if (item.kind === 'impediment') groups.impediments.push(node);
  }
  return groups;
}

/** The items of a group, in its order. */
export function itemsAt(items: readonly ProgramItem[], nodes: readonly number[]): ProgramItem[] {
  const selected: ProgramItem[] = [];
  for (let n = 0; n < nodes.length; n++) {
    const item = items[nodes[n] ?? -1];
    if (item !== undefined) selected.push(item);
  }
  return selected;
}
