/**
 * The order in which a stable sort by compareIssueKeys (metascrum-order.ts) puts a list of keys, as
 * their indexes. Keys of the usual shape (PROJECT-123, no leading zero) are packed with their index
 * into one number each, project rank then issue number then index, so a native numeric sort of 57k
 * numbers replaces ~900k string comparisons. Other shapes, or more bits than a double holds exactly,
 * take the comparison sort.
 */
import { compareIssueKeys } from './metascrum-order';

/** Bits a double holds exactly, less one for safety. */
const EXACT_BITS = 52;

/** The issue number after `from` when it is plain digits without a leading zero, else -1. */
function plainNumber(key: string, from: number): number {
  const end = key.length;
  if (end === from || end - from > 15 || (end - from > 1 && key.charCodeAt(from) === 48)) return -1;
  let n = 0;
  for (let i = from; i < end; i++) {
    const d = key.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const bitsFor = (x: number) => Math.ceil(Math.log2(x + 1));

function byComparison(keys: readonly string[]): Int32Array {
  const order = Array.from({ length: keys.length }, (_, i) => i);
  order.sort((a, b) => compareIssueKeys(keys[a] ?? '', keys[b] ?? ''));
  return Int32Array.from(order);
}

export function issueKeyOrder(keys: readonly string[]): Int32Array {
  const n = keys.length;
  const projectOf = new Int32Array(n);
  const numberOf = new Float64Array(n);
  const projects = new Map<string, number>();
  let maxNumber = 0;
  // Keys come in runs of one project: a key starting with the previous key's project reuses its id.
  let previous: string | undefined;
  let previousId = 0;
  for (let i = 0; i < n; i++) {
    const key = keys[i] ?? '';
    const dash = key.lastIndexOf('-');
    const number = dash < 0 ? -1 : plainNumber(key, dash + 1);
    if (number < 0) return byComparison(keys);
    if (previous === undefined || dash !== previous.length || !key.startsWith(previous)) {
      previous = key.slice(0, dash);
      previousId = projects.get(previous) ?? projects.size;
      projects.set(previous, previousId);
    }
    projectOf[i] = previousId;
    numberOf[i] = number;
    if (number > maxNumber) maxNumber = number;
  }
  const numberBits = bitsFor(maxNumber);
  const indexBits = bitsFor(n);
  if (bitsFor(projects.size) + numberBits + indexBits > EXACT_BITS) return byComparison(keys);
  // Project prefixes compare as compareIssueKeys compares them: plain `<` of the strings.
  const rankOfId = new Float64Array(projects.size);
  [...projects.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .forEach((project, rank) => (rankOfId[projects.get(project) ?? 0] = rank));
  const numberScale = 2 ** numberBits;
  const indexScale = 2 ** indexBits;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++)
    packed[i] = ((rankOfId[projectOf[i] ?? 0] ?? 0) * numberScale + (numberOf[i] ?? 0)) * indexScale + i;
  packed.sort();
  const order = new Int32Array(n);
  for (let j = 0; j < n; j++) order[j] = (packed[j] ?? 0) % indexScale;
  return order;
}
