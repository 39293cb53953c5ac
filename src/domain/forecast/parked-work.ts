/**
 * The items each team skipped ("parked") during a trial, in two flat structures shared by all teams:
 * - released: parked items workable again, taken in queue order. Queue order is node order, so a
 *   bitset per team (word-aligned) and a lowest-word hint replace a heap: releasing is one bit,
 *   taking the first is a short scan and a count-trailing-zeros.
 * - waiting: parked items whose prerequisites are all done but whose ready time is after the
 *   current sprint's start, in a bucket per (team, sprint index): the first sprint, from the team's
 *   current one, that starts at or after the ready time. A bucket is released when its sprint is
 *   played; an item whose ready time is still after that sprint's start (only when a team's known
 *   sprints overlap, so starts go back in time) moves to the next sprint that starts after it.
 *   An item of a team not playing now that is workable from the team's next sprint skips its bucket
 *   and is released at once (`waitOrRelease`; at the bench's 100k, 2.9k of the 20.5k parked items a trial).
 * Nothing is allocated per trial; `reset` clears the lot.
 */
export class ParkedWork {
  private readonly bits: Uint32Array;
  /** Bit of node v in team t: `v + bitBase[t]`. */
  private readonly bitBase: Int32Array;
  private readonly lowWord: Int32Array;
  private readonly firstWord: Int32Array;
  readonly releasedCount: Int32Array;
  private readonly head: Int32Array;
  private readonly nextInBucket: Int32Array;
  /** Bounds of team t's non-empty buckets: none below lowBucket[t] nor above highBucket[t]. */
  private readonly lowBucket: Int32Array;
  private readonly highBucket: Int32Array;
  readonly waitingCount: Int32Array;

  constructor(
    teamStart: Int32Array,
    private readonly width: number,
    /** Every team's sprint start ranks (time-ranks.ts), a row of `width` per team (the last slot `never`). */
    private readonly starts: Int32Array,
    /** The ready time rank of node v, kept by the trials at `readyAt[v * readyStride]`. */
    private readonly readyAt: Int16Array | Int32Array,
    private readonly readyStride: number,
    /** The rank of Infinity. */
    private readonly never: number,
  ) {
    const teams = teamStart.length - 1;
    this.bitBase = new Int32Array(teams);
    this.firstWord = new Int32Array(teams);
    let words = 0;
    for (let t = 0; t < teams; t++) {
      const size = (teamStart[t + 1] ?? 0) - (teamStart[t] ?? 0);
      this.firstWord[t] = words;
      this.bitBase[t] = words * 32 - (teamStart[t] ?? 0);
      words += (size + 31) >> 5;
    }
    this.bits = new Uint32Array(words + 1);
    this.lowWord = new Int32Array(teams);
    this.releasedCount = new Int32Array(teams);
    this.head = new Int32Array(teams * width);
    this.nextInBucket = new Int32Array(teamStart[teams] ?? 0);
    this.lowBucket = new Int32Array(teams);
    this.highBucket = new Int32Array(teams);
    this.waitingCount = new Int32Array(teams);
  }

  reset(): void {
    this.bits.fill(0);
    this.lowWord.set(this.firstWord);
    this.releasedCount.fill(0);
    this.head.fill(-1);
    this.lowBucket.fill(this.width);
    this.highBucket.fill(-1);
    this.waitingCount.fill(0);
  }

  release(v: number, t: number): void {
    const bit = v + (this.bitBase[t] ?? 0);
    const word = bit >> 5;
    this.bits[word] = (this.bits[word] ?? 0) | (1 << (bit & 31));
    this.releasedCount[t] = (this.releasedCount[t] ?? 0) + 1;
    if (word < (this.lowWord[t] ?? 0)) this.lowWord[t] = word;
  }

  /** The released node first in queue order, or -1. */
  firstReleased(t: number): number {
    if ((this.releasedCount[t] ?? 0) === 0) return -1;
    let word = this.lowWord[t] ?? 0;
    while ((this.bits[word] ?? 0) === 0) word++;
    this.lowWord[t] = word;
    const w = this.bits[word] ?? 0;
    return word * 32 + 31 - Math.clz32(w & -w) - (this.bitBase[t] ?? 0);
  }

  /** Takes node v, the one `firstReleased(t)` returned. */
  take(v: number, t: number): void {
    const bit = v + (this.bitBase[t] ?? 0);
    const word = bit >> 5;
    this.bits[word] = (this.bits[word] ?? 0) & ~(1 << (bit & 31));
    this.releasedCount[t] = (this.releasedCount[t] ?? 0) - 1;
  }

  /** Parks node v of team t until the first sprint, from sprint `from`, that starts at or after its ready time. */
  wait(v: number, t: number, from: number): void {
    const bucket = this.sprintFrom(t, from, this.readyAt[v * this.readyStride] ?? 0);
    const slot = t * this.width + bucket;
    this.nextInBucket[v] = this.head[slot] ?? -1;
    this.head[slot] = v;
    this.waitingCount[t] = (this.waitingCount[t] ?? 0) + 1;
    if (bucket < (this.lowBucket[t] ?? 0)) this.lowBucket[t] = bucket;
    if (bucket > (this.highBucket[t] ?? 0)) this.highBucket[t] = bucket;
  }

  /**
   * As `wait`, for a team t that is not playing now and plays sprint `next` next: an item workable
   * from that sprint is released at once, as `releaseFor(t, next)` would first thing, with no bucket.
   */
  waitOrRelease(v: number, t: number, next: number): void {
    const at = this.readyAt[v * this.readyStride] ?? 0;
    if ((this.starts[t * this.width + next] ?? this.never) >= at) this.release(v, t);
    else this.wait(v, t, next);
  }

  /** Before team t plays sprint k: releases every waiting item whose ready time is on or before its start. */
  releaseFor(t: number, k: number): void {
    const row = t * this.width;
    const start = this.starts[row + k] ?? 0;
    const low = this.lowBucket[t] ?? 0;
    if (low > k) return;
    const high = Math.min(k, this.highBucket[t] ?? -1);
    this.lowBucket[t] = this.width;
    for (let b = low; b <= high; b++) {
      let v = this.head[row + b] ?? -1;
      if (v < 0) continue;
      this.head[row + b] = -1;
      while (v >= 0) {
        const next = this.nextInBucket[v] ?? -1;
        this.waitingCount[t] = (this.waitingCount[t] ?? 0) - 1;
        if ((this.readyAt[v * this.readyStride] ?? 0) <= start) this.release(v, t);
        else this.wait(v, t, k + 1);
        v = next;
      }
    }
    // Buckets above k were not looked at: k + 1 is a safe lowest bound for them.
    if ((this.lowBucket[t] ?? 0) > k + 1) this.lowBucket[t] = k + 1;
  }

  /** The earliest ready time among team t's waiting items (`never` when none). */
  earliestReady(t: number): number {
    let earliest = this.never;
    if ((this.waitingCount[t] ?? 0) === 0) return earliest;
    const row = t * this.width;
    const high = this.highBucket[t] ?? -1;
    for (let b = this.lowBucket[t] ?? 0; b <= high; b++) {
      for (let v = this.head[row + b] ?? -1; v >= 0; v = this.nextInBucket[v] ?? -1)
        earliest = Math.min(earliest, this.readyAt[v * this.readyStride] ?? this.never);
    }
    return earliest;
  }

  /** The first sprint index from `k` on whose start is at or after time rank `at` (`width - 1` when none). */
  sprintFrom(t: number, k: number, at: number): number {
    const row = t * this.width;
    const last = this.width - 1;
    let sprint = k;
    while (sprint < last && (this.starts[row + sprint] ?? this.never) < at) sprint++;
    return sprint;
  }
}
