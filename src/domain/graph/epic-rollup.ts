/**
 * Epic roll-up (DOMAIN.md): epic X needs epic Y if X (or a child of X) needs Y (or a child of Y),
 * X != Y. Built from open edges, so a finished prerequisite no longer ties two epics together.
 */
import type { ProgramModel } from '../model/program-model';
import type { DependencyGraph } from './dependency-graph';

export interface EpicDependency {
  /** The prerequisite epic. */
  from: string;
  /** The epic that needs it. */
  to: string;
  /** How many open item-level edges make up this epic edge. */
  via: number;
}

export function epicDependencies(model: ProgramModel, graph: DependencyGraph): EpicDependency[] {
  const { items } = model;
  // Epics as small integers, each node's read once (-2: not read yet, -1: no epic), so an edge is
  // counted under a number, not a "from\0to" string made and hashed per edge (35k at 100k issues).
  const epicKeys: string[] = [];
  const epicIds = new Map<string, number>();
  const epicOf = new Int32Array(items.length).fill(-2);
  const epicAt = (node: number): number => {
    const known = epicOf[node] ?? -1;
    if (known !== -2) return known;
    const key = items[node]?.epicKey;
    let id = key === undefined ? -1 : epicIds.get(key);
    if (id === undefined) {
      id = epicKeys.length;
      epicIds.set(key ?? '', id);
      epicKeys.push(key ?? '');
    }
    epicOf[node] = id;
    return id;
  };
  const span = items.length + 1;
  const byPair = new Map<number, EpicDependency>();
  const entries: EpicDependency[] = [];
  const ends: number[] = [];
  for (let e = 0; e < graph.edgeCount; e++) {
    const from = epicAt(graph.edgeFrom[e] ?? 0);
    const to = epicAt(graph.edgeTo[e] ?? 0);
    if (from < 0 || to < 0 || from === to) continue;
    const pair = from * span + to;
    const entry = byPair.get(pair);
    if (entry) {
      entry.via++;
      continue;
    }
    const created = { from: epicKeys[from] ?? '', to: epicKeys[to] ?? '', via: 1 };
    byPair.set(pair, created);
    entries.push(created);
    ends.push(from, to);
  }
  // Ordered by prerequisite, then dependant, as plain string comparison orders the keys: each key's
  // place among the distinct keys is found once, then the pairs sort as numbers.
  const byKey = epicKeys.map((_, id) => id).sort((a, b) => compareStrings(epicKeys[a], epicKeys[b]));
  const place = new Int32Array(epicKeys.length);
  for (let r = 0; r < byKey.length; r++) place[byKey[r] ?? 0] = r;
  // Each pair's (prerequisite place, dependant place, entry) packed into one exact integer, so a
  // native numeric sort orders them with no comparator call (pairs are distinct: no ties).
  const places = epicKeys.length;
  const n = entries.length;
  if (places * places * n >= 2 ** 53) return sortedByPlaces(entries, ends, place, places);
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++)
    packed[i] = ((place[ends[2 * i] ?? 0] ?? 0) * places + (place[ends[2 * i + 1] ?? 0] ?? 0)) * n + i;
  packed.sort();
  const sorted: EpicDependency[] = new Array<EpicDependency>(n);
  for (let k = 0; k < n; k++) sorted[k] = entries[(packed[k] ?? 0) % n] ?? { from: '', to: '', via: 0 };
  return sorted;
}

/** The same order by comparison, for programs too large to pack (never at 100k issues). */
function sortedByPlaces(
  entries: readonly EpicDependency[],
  ends: readonly number[],
  place: Int32Array,
  places: number,
): EpicDependency[] {
  const at = new Float64Array(entries.length);
  for (let i = 0; i < entries.length; i++)
    at[i] = (place[ends[2 * i] ?? 0] ?? 0) * places + (place[ends[2 * i + 1] ?? 0] ?? 0);
  return entries
    .map((_, i) => i)
    .sort((a, b) => (at[a] ?? 0) - (at[b] ?? 0))
    .map((i) => entries[i] ?? { from: '', to: '', via: 0 });
}

function compareStrings(a = '', b = ''): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
