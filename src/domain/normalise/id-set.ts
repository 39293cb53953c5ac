/**
 * A set of non-negative integer ids (Jira link ids) for the normaliser's "seen this link already?"
 * test, which runs for every link end of a 100k program. Ids below {@link MAX_BITMAP_ID} are bits of a
 * bitmap that grows by doubling (a bit test costs no hashing and no per-id allocation); others, and
 * negative ones, go to an ordinary Set.
 */
const MAX_BITMAP_ID = 1 << 26; // 8 MB of bits at most; Jira link ids are far below

export class IdSet {
  private bits = new Uint32Array(1024);
  private readonly others = new Set<number>();

  /** Whether `id` was in the set; adds it. */
  testAndSet(id: number): boolean {
    if (id < 0 || id >= MAX_BITMAP_ID) {
      if (this.others.has(id)) return true;
      this.others.add(id);
      return false;
    }
    const word = id >>> 5;
    if (word >= this.bits.length) this.grow(word);
    const mask = 1 << (id & 31);
    const value = this.bits[word] ?? 0;
    if ((value & mask) !== 0) return true;
    this.bits[word] = value | mask;
    return false;
  }

  clear(): void {
    this.bits = new Uint32Array(1024);
    this.others.clear();
  }

  private grow(word: number): void {
    let size = this.bits.length;
    while (size <= word) size *= 2;
    const bits = new Uint32Array(size);
    bits.set(this.bits);
    this.bits = bits;
  }
}

/**
 * A link id as a number, the same as `Number(id)` would give; plain digit strings (every Jira id) are
 * read in place, since `Number` on a fresh string is a runtime call.
 */
export function linkIdNumber(id: string): number {
  const length = id.length;
  if (length === 0 || length > 15) return Number(id);
  let n = 0;
  for (let i = 0; i < length; i++) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number(id);
    n = n * 10 + d;
  }
  return n;
}
