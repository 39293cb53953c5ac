/**
 * Sorts records by issue key in natural order (project, then number: PAY-9 before PAY-10). Each key
 * is split once, not on every comparison: this sorts 100k items. Projects are replaced by their rank
 * among the distinct projects (a handful), so a comparison is two number compares instead of a
 * string compare of two equal-but-distinct project strings.
 */
import { compareIssueKeys } from './metascrum-order';

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

const TWO_POW_53 = 2 ** 53;

/**
 * The order by one key as a numeric sort of a Float64Array (native, no comparator call): each record
 * is `(project rank, number, index)` packed into one exact integer, which sorts as compareAt and then
 * the index do. Undefined when the packing does not fit in 53 bits or a number is not a plain integer,
 * or when two different keys share project and number (`PAY-07`, `PAY-7`: their order is the keys').
 * With `tieOrder` (an order of all indexes), equal keys keep that order instead of the index order.
 */
function packedOrder(s: SortKeys, n: number, tieOrder?: readonly number[]): number[] | undefined {
  let projects = 0;
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const rank = s.projectRank[i] ?? 0;
    const number = s.number[i] ?? Number.NaN;
    if (!Number.isInteger(number) || number < 0) return undefined;
    if (rank >= projects) projects = rank + 1;
    if (number > largest) largest = number;
  }
  const indexSpan = n;
  const numberSpan = largest + 1;
  if (projects * numberSpan * indexSpan >= TWO_POW_53) return undefined;
  const tie = new Float64Array(n);
  for (let k = 0; k < n; k++) tie[tieOrder === undefined ? k : (tieOrder[k] ?? 0)] = k;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++)
    packed[i] = ((s.projectRank[i] ?? 0) * numberSpan + (s.number[i] ?? 0)) * indexSpan + (tie[i] ?? 0);
  packed.sort();
  const order: number[] = new Array<number>(n);
  let previousKey = -1;
  for (let k = 0; k < n; k++) {
    const value = packed[k] ?? 0;
    const rank = value % indexSpan;
    const i = tieOrder === undefined ? rank : (tieOrder[rank] ?? 0);
    order[k] = i;
    const key = (value - rank) / indexSpan;
    if (k > 0 && key === previousKey && s.keys[i] !== s.keys[order[k - 1] ?? 0]) return undefined;
    previousKey = key;
  }
  return order;
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
  // By the second key first, then stably by the first: one comparison-free sort each.
  const secondOrder = second === undefined ? undefined : packedOrder(second, list.length);
  const packed =
    second === undefined || secondOrder !== undefined
      ? packedOrder(first, list.length, secondOrder)
      : undefined;
  if (packed !== undefined) return packed.map((i) => list[i] as T);
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

/** PROJECT-123: a dash, then plain digits without a leading zero (the keys Jira makes). */
function isPlainKey(key: string): boolean {
  const from = key.lastIndexOf('-') + 1;
  const end = key.length;
  if (from === 0 || end === from || end - from > 15 || (end - from > 1 && key.charCodeAt(from) === 48))
    return false;
  for (let i = from; i < end; i++) {
    const d = key.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
  }
  return true;
}

/**
 * The indexes of `keys` in the order a stable sort by compareIssueKeys gives (the forecast's entry
 * order). On plain keys that order is the packed one above, a native numeric sort of 57k numbers
 * instead of ~900k string comparisons; other keys (which compareIssueKeys orders its own way) take
 * the comparison sort.
 */
export function issueKeyOrder(keys: readonly string[]): number[] {
  const packed = keys.every(isPlainKey)
    ? packedOrder(
        sortKeysOf(keys, (key) => key),
        keys.length,
      )
    : undefined;
  if (packed !== undefined) return packed;
  const order = Array.from({ length: keys.length }, (_, i) => i);
  return order.sort((a, b) => compareIssueKeys(keys[a] ?? '', keys[b] ?? '') || a - b);
}
