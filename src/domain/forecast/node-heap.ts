/**
 * A binary min-heap of node indexes ordered by an outside key array (a queue position, a time), in a
 * preallocated Int32Array: the trials push and pop millions of times without allocating. A node's key
 * is `key[node * stride + offset]` (the trials keep a node's state in one record) and must not change
 * while the node is in the heap.
 */
export class NodeHeap {
  private readonly nodes: Int32Array;
  size = 0;

  constructor(
    capacity: number,
    private readonly key: ArrayLike<number>,
    private readonly stride = 1,
    private readonly offset = 0,
  ) {
    this.nodes = new Int32Array(Math.max(1, capacity));
  }

  clear(): void {
    this.size = 0;
  }

  /** The node with the smallest key, or -1 when empty. */
  peek(): number {
    return this.size === 0 ? -1 : (this.nodes[0] ?? -1);
  }

  /** The smallest key, or Infinity when empty. */
  peekKey(): number {
    return this.size === 0
      ? Infinity
      : (this.key[(this.nodes[0] ?? 0) * this.stride + this.offset] ?? Infinity);
  }

  push(node: number): void {
    const { nodes, key, stride, offset } = this;
    let i = this.size++;
    const k = key[node * stride + offset] ?? 0;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = nodes[parent] ?? 0;
      if ((key[above * stride + offset] ?? 0) <= k) break;
      nodes[i] = above;
      i = parent;
    }
    nodes[i] = node;
  }

  pop(): number {
    const { nodes, key, stride, offset } = this;
    if (this.size === 0) return -1;
    const top = nodes[0] ?? -1;
    const last = nodes[--this.size] ?? 0;
    const n = this.size;
    const k = key[last * stride + offset] ?? 0;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (
        right < n &&
        (key[(nodes[right] ?? 0) * stride + offset] ?? 0) < (key[(nodes[child] ?? 0) * stride + offset] ?? 0)
      )
        child = right;
      const below = nodes[child] ?? 0;
      if ((key[below * stride + offset] ?? 0) >= k) break;
      nodes[i] = below;
      i = child;
    }
    if (n > 0) nodes[i] = last;
    return top;
  }
}
