/**
 * A stored cycle as one viewer may see it: the closed path (dependency order) started at `from` or else
 * at the first member they may see, with each member they may not see replaced by `null` (a run of
 * hidden members is one `null`, so the path does not count what they cannot see).
 */
export function visibleCyclePath(
  path: readonly string[],
  sees: (key: string) => boolean,
  from?: string,
): Array<string | null> {
  const start = from ?? path.find(sees);
  const out: Array<string | null> = [];
  for (const key of start === undefined ? path : rotatedTo(path, start)) {
    const shown = sees(key) ? key : null;
    if (shown === null && out.length > 0 && out[out.length - 1] === null) continue;
    out.push(shown);
  }
  return out;
}

/** The same closed path started (and ended) at `key`. */
export function rotatedTo(path: readonly string[], key: string): string[] {
  const open = path.slice(0, -1);
  const at = open.indexOf(key);
  if (at < 0) return [...path];
  return [...open.slice(at), ...open.slice(0, at), key];
}
