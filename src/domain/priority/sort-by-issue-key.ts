/**
 * Sorts records by issue key in natural order (project, then number: PAY-9 before PAY-10). Each key
 * is split once, not on every comparison: this sorts 100k items. Projects are replaced by their rank
 * among the distinct projects (a handful), so a comparison is two number compares instead of a
 * string compare of two equal-but-distinct project strings.
 */
interface SortKeys {
  projectRank: Int32Array;
  number: Float64Array;
  keys: string[];
}

/** `Number(key.slice(from))`, read in place for plain digits (every Jira key), without a new string. */
function numberFrom(key: string, from: number): number {
  const end = key.length;
  if (end === from || end - from > 15) return Number(key.slice(from));
  let n = 0;
  for (let i = from; i < end; i++) {
    const d = key.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number(key.slice(from));
    n = n * 10 + d;
  }
  return n;
}

function sortKeysOf<T>(list: readonly T[], keyOf: (item: T) => string): SortKeys {
  const n = list.length;
  const keys: string[] = new Array<string>(n);
  const projects: string[] = new Array<string>(n);
  const number = new Float64Array(n);
  const distinct = new Map<string, number>();
  // Records come in runs of one project: a key that starts with the previous record's project (and
  // has its dash there) reuses that string, with no slice and no map lookup.
  let previous: string | undefined;
  for (let i = 0; i < n; i++) {
    const item = list[i];
    const key = item === undefined ? '' : keyOf(item);
    const dash = key.lastIndexOf('-');
    let project: string;
    if (previous !== undefined && dash === previous.length && key.startsWith(previous)) project = previous;
    else {
      project = key.slice(0, dash);
      distinct.set(project, 0);
      previous = project;
    }
    keys[i] = key;
    projects[i] = project;
    number[i] = numberFrom(key, dash + 1);
  }
  // Plain `<` order of the project strings, as the comparison of the strings themselves gives.
  const ordered = [...distinct.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (let r = 0; r < ordered.length; r++) distinct.set(ordered[r] ?? '', r);
  const projectRank = new Int32Array(n);
  let rank = 0;
  for (let i = 0; i < n; i++) {
    const project = projects[i] ?? '';
    if (i === 0 || project !== projects[i - 1]) rank = distinct.get(project) ?? 0;
    projectRank[i] = rank;
  }
  return { projectRank, number, keys };
}

/** Natural key order of records i and j; NaN (a non-numeric key) counts as equal, as sort treats it. */
function compareAt(s: SortKeys, i: number, j: number): number {
  const pa = s.projectRank[i] ?? 0;
  const pb = s.projectRank[j] ?? 0;
  if (pa !== pb) return pa - pb;
  const na = s.number[i] ?? 0;
  const nb = s.number[j] ?? 0;
  if (na !== nb) return na - nb || 0;
  const a = s.keys[i] ?? '';
  const b = s.keys[j] ?? '';
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Stable sort by `keyOf`; with `thenBy`, records of equal key are ordered by that key (the same as
 * sorting by `thenBy` first and then, stably, by `keyOf`, in one pass).
 */
export function sortByIssueKey<T>(
  list: readonly T[],
  keyOf: (item: T) => string,
  thenBy?: (item: T) => string,
): T[] {
  const first = sortKeysOf(list, keyOf);
  const second = thenBy === undefined ? undefined : sortKeysOf(list, thenBy);
  // Indexes are sorted, not { item, i } pairs (no object per record); the comparison ends with the
  // index, a total order, so the result is stable whatever the sort algorithm.
  const n = list.length;
  const order: number[] = [];
  for (let i = 0; i < n; i++) order.push(i);
  order.sort((a, b) => compareAt(first, a, b) || (second ? compareAt(second, a, b) : 0) || a - b);
  const position = new Int32Array(n);
  for (let k = 0; k < n; k++) position[order[k] ?? 0] = k;
  const sorted = new Array<T>(n);
  list.forEach((item, i) => {
    sorted[position[i] ?? 0] = item;
  });
  return sorted;
}
