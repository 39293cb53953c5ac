/**
 * A binary min-heap of distinct non-negative integers in a preallocated Int32Array (Williams 1964).
 * The suggested order keeps its available epics in one, keyed by their WSJF rank, so taking the best
 * of thousands of available epics costs log n instead of a scan of all of them.
 */
export class IntMinHeap {
  private readonly values: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.values = new Int32Array(Math.max(1, capacity));
  }

  push(value: number): void {
    const { values } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = values[parent] ?? 0;
      if (above <= value) break;
      values[i] = above;
      i = parent;
    }
    values[i] = value;
  }

  /** The smallest value, removed; -1 when empty. */
  pop(): number {
    const { values } = this;
    if (this.size === 0) return -1;
    const top = values[0] ?? -1;
    const n = --this.size;
    const last = values[n] ?? 0;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && (values[child + 1] ?? 0) < (values[child] ?? 0)) child++;
      const below = values[child] ?? 0;
      if (below >= last) break;
      values[i] = below;
      i = child;
    }
    if (n > 0) values[i] = last;
    return top;
  }
}
