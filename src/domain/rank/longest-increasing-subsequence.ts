/**
 * A longest strictly increasing subsequence in O(n log n) by patience sorting with back-pointers
 * (Fredman 1975; Knuth TAOCP vol. 3, 5.1.4). Returns the indexes (into `values`) of one such
 * subsequence, in order. Rank flow-down keeps these items in place and moves only the others.
 */
export function longestIncreasingSubsequence(values: ArrayLike<number>): number[] {
  const n = values.length;
  if (n === 0) return [];
  /** tails[k] = index of the smallest tail of an increasing run of length k + 1. */
  const tails = new Int32Array(n);
  const previous = new Int32Array(n).fill(-1);
  let length = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i] ?? 0;
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((values[tails[mid] ?? 0] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1] ?? -1;
    tails[lo] = i;
    if (lo === length) length++;
  }
  const result = new Array<number>(length);
  for (let k = length - 1, i = tails[length - 1] ?? -1; k >= 0; k--, i = previous[i] ?? -1) result[k] = i;
  return result;
}
