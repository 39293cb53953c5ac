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

/** The plain digits after `from` as a number, or -1 when there are none or other characters. */
function digitsAt(key: string, from: number): number {
  const end = key.length;
  if (end === from || end - from > 15) return -1;
  let n = 0;
  for (let i = from; i < end; i++) {
    const d = key.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function compareSlow(a: string, b: string, da: number, db: number): number {
  const pa = a.slice(0, da);
  const pb = b.slice(0, db);
  if (pa !== pb) return pa < pb ? -1 : 1;
  return Number(a.slice(da + 1)) - Number(b.slice(db + 1)) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Compares issue keys by project, then number (PAY-9 before PAY-10). Sorts call it ~n log n times,
 * so ordinary keys (`PROJ-123`) are compared in place, without slicing; odd keys take the slow path.
 */
export function compareIssueKeys(a: string, b: string): number {
  const da = a.lastIndexOf('-');
  const db = b.lastIndexOf('-');
  const na = da < 0 ? -1 : digitsAt(a, da + 1);
  const nb = db < 0 ? -1 : digitsAt(b, db + 1);
  if (na < 0 || nb < 0) return compareSlow(a, b, da, db);
  // Project prefixes compared code unit by code unit, as `<` on the sliced strings would.
  const shorter = da < db ? da : db;
  for (let i = 0; i < shorter; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca !== cb) return ca < cb ? -1 : 1;
  }
  if (da !== db) return da < db ? -1 : 1;
  return na - nb || (a < b ? -1 : a > b ? 1 : 0);
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
