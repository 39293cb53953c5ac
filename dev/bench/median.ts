/** The middle value (the upper middle of an even count); 0 for none. Benchmarks report it over runs. */
export const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
