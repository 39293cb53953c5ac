/**
 * Each node's completion-sprint histogram over the trials (TrialTallies.sprintCounts, sprint-major:
 * trials completing node v in sprint k at `k * nodes + v`; k = maxSprints: beyond the horizon).
 * A trial writes its completion sprint per node into its own row of a block; every `BLOCK` trials
 * the block is counted a chunk of nodes at a time, so that the histogram lines of a chunk stay in
 * the cache for the whole block. Counting each completion as it happens instead touched a scattered
 * histogram line per completion, most of them out of the cache, while the trials need it.
 */
const BLOCK = 32;
const CHUNK = 512;

export class SprintHistogram {
  readonly counts: Uint16Array;
  private readonly block: Uint16Array;
  private filled = 0;

  constructor(
    private readonly nodes: number,
    private readonly width: number,
  ) {
    this.block = new Uint16Array(nodes * BLOCK);
    this.counts = new Uint16Array(nodes * width);
  }

  /** The current trial's row of completion sprints, every node beyond the horizon until it completes. */
  row(): Uint16Array {
    const row = this.block.subarray(this.filled * this.nodes, (this.filled + 1) * this.nodes);
    row.fill(this.width - 1);
    return row;
  }

  /** The current trial is over: its row joins the block, and a full block the histogram. */
  commit(): void {
    if (++this.filled === BLOCK) this.flush();
  }

  /** The histogram of every committed trial. */
  finish(): Uint16Array {
    this.flush();
    return this.counts;
  }

  private flush(): void {
    const { nodes, block, counts, filled } = this;
    for (let from = 0; from < nodes; from += CHUNK) {
      const to = Math.min(nodes, from + CHUNK);
      for (let b = 0; b < filled; b++) {
        const row = b * nodes;
        for (let v = from; v < to; v++) {
          const slot = (block[row + v] ?? 0) * nodes + v;
          counts[slot] = (counts[slot] ?? 0) + 1;
        }
      }
    }
    this.filled = 0;
  }
}
