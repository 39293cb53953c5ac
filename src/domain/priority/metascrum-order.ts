/**
 * The MetaScrum order of the program's open epics (DOMAIN.md): the CPO's explicit order first, then
 * every other epic in Jira rank order (LexoRank strings sort as plain strings), unranked epics last
 * by key. Keys in the explicit order that are not open epics of the program are reported, not used.
 */
import type { ProgramItem } from '../model/program-model';

export interface EpicPosition {
  key: string;
  source: 'explicit' | 'jira-rank';
}

export interface MetaScrumOrder {
  epics: EpicPosition[];
  /** Explicit keys that are not open epics of the program (done, unknown or not an epic). */
  ignored: string[];
}

/** Compares issue keys by project, then number (PAY-9 before PAY-10). */
export function compareIssueKeys(a: string, b: string): number {
  const da = a.lastIndexOf('-');
  const db = b.lastIndexOf('-');
  const pa = a.slice(0, da);
  const pb = b.slice(0, db);
  if (pa !== pb) return pa < pb ? -1 : 1;
  return Number(a.slice(da + 1)) - Number(b.slice(db + 1)) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Jira rank order: ranked items by rank, then unranked ones by key. */
export function compareByRank(a: ProgramItem, b: ProgramItem): number {
  if (a.rank !== undefined && b.rank !== undefined && a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  if (a.rank === undefined && b.rank !== undefined) return 1;
  if (a.rank !== undefined && b.rank === undefined) return -1;
  return compareIssueKeys(a.key, b.key);
}

export function metaScrumOrder(epics: readonly ProgramItem[], explicit: readonly string[]): MetaScrumOrder {
  const open = new Map(epics.map((e) => [e.key, e]));
  const placed = new Set<string>();
  const order: EpicPosition[] = [];
  const ignored: string[] = [];
  for (const key of explicit) {
    if (!open.has(key) || placed.has(key)) {
      if (!placed.has(key)) ignored.push(key);
      continue;
    }
    placed.add(key);
    order.push({ key, source: 'explicit' });
  }
  const rest = epics.filter((e) => !placed.has(e.key)).sort(compareByRank);
  for (const epic of rest) order.push({ key: epic.key, source: 'jira-rank' });
  return { epics: order, ignored };
}
