/** Jira's offset page bean: `{ self?, maxResults, startAt, total, isLast, values }`. */
export function offsetPage<T>(all: readonly T[], query: Record<string, string>, defaultMax = 50) {
  const startAt = Math.max(0, Number(query.startAt ?? 0) || 0);
  const maxResults = Math.max(1, Math.min(Number(query.maxResults ?? defaultMax) || defaultMax, 1000));
  const values = all.slice(startAt, startAt + maxResults);
  return { maxResults, startAt, total: all.length, isLast: startAt + values.length >= all.length, values };
}
