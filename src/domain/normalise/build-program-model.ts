/**
 * Finishes normalisation once every issue is in: resolves each item's epic, attributes sub-task links
 * to their parent backlog item (sub-tasks are not backlog items, DOMAIN.md), separates impediment
 * links from planned work, reads escalation histories and dates undated sprints.
 */
import type { ProgramConfig } from '../config/program-config';
import type { DependencyLink, ProgramItem, ProgramModel } from '../model/program-model';
import { escalationHistoryOf } from './escalation-history';
import type { NormalisedParts } from './program-normaliser';
import { estimateSprintWindows } from './sprint-windows';

/** Issue properties by issue key, then property key (as the dataset and the gateway store them). */
export type IssueProperties = ReadonlyMap<string, Readonly<Record<string, unknown>>>;

function splitLinks(parts: NormalisedParts): { links: DependencyLink[]; impedimentLinks: DependencyLink[] } {
  const { items, indexOf } = parts;
  /** A sub-task stands for its parent, when the parent is loaded. */
  const node = (index: number): number => {
    const item = items[index];
    if (item?.kind !== 'subtask' || item.parentKey === undefined) return index;
    return indexOf.get(item.parentKey) ?? index;
  };
  const links: DependencyLink[] = [];
  const impedimentLinks: DependencyLink[] = [];
  const { from: froms, to: tos, type: types } = parts.links;
  for (let i = 0; i < froms.length; i++) {
    const rawFrom = froms[i] ?? 0;
    const rawTo = tos[i] ?? 0;
    const from = node(rawFrom);
    const to = node(rawTo);
    // A sub-task linked to its own parent is structure, not a dependency; a true self-link is kept.
    if (from === to && rawFrom !== rawTo) continue;
    const link = { from, to, linkType: types[i] ?? '' };
    const impediment = items[from]?.kind === 'impediment' || items[to]?.kind === 'impediment';
    (impediment ? impedimentLinks : links).push(link);
  }
  return { links, impedimentLinks };
}

export function buildProgramModel(
  parts: NormalisedParts,
  config: ProgramConfig,
  properties: IssueProperties,
  nowMs: number,
): ProgramModel {
  const { items, indexOf } = parts;
  // One pass over the items for what needs no other item (a pass costs 20-35 ms at 100k issues).
  const teams = new Set<string>(config.teams.by === 'project' ? config.projects : []);
  const parentOf = (item: ProgramItem) =>
    item.parentKey === undefined ? undefined : items[indexOf.get(item.parentKey) ?? -1];
  const subtasks: number[] = [];
  for (let node = 0; node < items.length; node++) {
    const item = items[node];
    if (item === undefined) continue;
    if (!item.external && item.team !== undefined) teams.add(item.team);
    // A level-0 item's parent is an epic in Jira's hierarchy, even when the epic is not loaded; a
    // sub-task takes its parent's epic, so sub-tasks are resolved once every other item is.
    if (item.kind === 'subtask') subtasks.push(node);
    else if ((item.kind === 'backlog' || item.kind === 'impediment') && item.parentKey !== undefined) {
      const parent = parentOf(item);
      if (parent === undefined || parent.kind === 'epic') item.epicKey = item.parentKey;
    }
    if (item.kind !== 'impediment') continue;
    const stored = properties.get(item.key)?.[config.impediments.historyProperty];
    if (stored !== undefined) item.escalationHistory = escalationHistoryOf(stored);
  }
  for (const node of subtasks) {
    const item = items[node];
    if (item !== undefined) item.epicKey = parentOf(item)?.epicKey;
  }
  estimateSprintWindows(parts.sprints.values(), nowMs);
  const { links, impedimentLinks } = splitLinks(parts);
  return {
    items,
    indexOf,
    sprints: parts.sprints,
    links,
    impedimentLinks,
    fieldResolution: parts.fieldResolution,
    teams: [...teams].sort(),
    warnings: parts.warnings,
  };
}
