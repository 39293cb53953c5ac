/**
 * "New since" from the daily summaries (issue 14, item 5): what changed in a team's numbers between the
 * summary the Scrum of Scrums compares with (the last working day's, or the one that covers the last
 * meeting) and now. Summaries hold counts, not keys, so these are sentences about counts; the items
 * themselves are listed where the board knows their dates or the meeting's baseline.
 */
import type { TeamSummary } from '../history/daily-summary';

export interface SummarySide {
  levels: readonly string[];
  team: TeamSummary | undefined;
}

const arrow = (a: string, b: string) => `${a} → ${b}`;
const pct = (x: number | null) => (x === null ? 'none' : `${Math.round(x * 100)}%`);
const sprints = (x: number | null) => (x === null ? 'unknown' : `${Math.round(x * 10) / 10}`);

/** Open impediments at `level` on one side; a level the other side's ladder lacks counts as 0. */
function atLevel(side: SummarySide, level: string): number {
  const i = side.levels.indexOf(level);
  return i < 0 ? 0 : (side.team?.impediments[i] ?? 0);
}

/** The changed numbers of one team, in words, in a fixed order; nothing when nothing changed. */
export function teamChanges(before: SummarySide, now: SummarySide): string[] {
  const b = before.team;
  const n = now.team;
  if (!b && !n) return [];
  const out: string[] = [];
  const count = (label: string, x: number, y: number) => {
    if (x !== y) out.push(`${label} ${arrow(String(x), String(y))}`);
  };
  count('conflicts suffered', b?.conflictsSuffered ?? 0, n?.conflictsSuffered ?? 0);
  count('conflicts caused', b?.conflictsCaused ?? 0, n?.conflictsCaused ?? 0);
  const levels = [...now.levels, ...before.levels.filter((l) => !now.levels.includes(l))];
  for (const level of levels)
    count(`open impediments at ${level}`, atLevel(before, level), atLevel(now, level));
  const bh = b?.horizonSprints ?? null;
  const nh = n?.horizonSprints ?? null;
  if (sprints(bh) !== sprints(nh)) out.push(`ready horizon ${arrow(sprints(bh), sprints(nh))} sprints`);
  const bs = b?.readyShare ?? null;
  const ns = n?.readyShare ?? null;
  if (pct(bs) !== pct(ns)) out.push(`ready share ${arrow(pct(bs), pct(ns))}`);
  return out;
}
