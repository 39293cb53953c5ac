/**
 * mulberry32 (T. Ettinger, public domain): a 32-bit seeded generator, fast and good enough for Monte
 * Carlo draws. Seeded, so the same program and seed give the same forecast on every run.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
