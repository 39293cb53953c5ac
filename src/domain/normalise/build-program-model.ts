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

function resolveEpics(items: ProgramItem[], indexOf: Map<string, number>): void {
  const parentOf = (item: ProgramItem) =>
    item.parentKey === undefined ? undefined : items[indexOf.get(item.parentKey) ?? -1];
  for (const item of items) {
    if (item.kind !== 'backlog' && item.kind !== 'impediment') continue;
    const parent = parentOf(item);
    // A level-0 item's parent is an epic in Jira's hierarchy, even when the epic is not loaded.
    if (item.parentKey !== undefined && (parent === undefined || parent.kind === 'epic'))
      item.epicKey = item.parentKey;
  }
  for (const item of items) if (item.kind === 'subtask') item.epicKey = parentOf(item)?.epicKey;
}

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
  resolveEpics(items, indexOf);
  for (const item of items) {
    if (item.kind !== 'impediment') continue;
    const stored = properties.get(item.key)?.[config.impediments.historyProperty];
    if (stored !== undefined) item.escalationHistory = escalationHistoryOf(stored);
  }
  estimateSprintWindows(parts.sprints.values(), nowMs);
  const teams = new Set<string>(config.teams.by === 'project' ? config.projects : []);
  for (const item of items) if (!item.external && item.team !== undefined) teams.add(item.team);
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
