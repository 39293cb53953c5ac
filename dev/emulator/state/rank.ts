/**
 * LexoRank-like ranks: `0|` + a fixed-width base-36 integer part + `:` + an optional fraction, so plain
 * string comparison is the rank order (as Jira's `customfield_10019` values compare). New ranks between
 * two neighbours come from fractional midpoints, so ranking never renumbers other issues.
 */
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const INT_WIDTH = 6;

function body(rank: string): string {
  const match = /^0\|([0-9a-z]{6}):([0-9a-z]*)$/.exec(rank);
  if (!match) throw new Error(`not an emulator rank: ${rank}`);
  return `${match[1] ?? ''}${match[2] ?? ''}`.replace(/0+$/, '');
}

function format(digits: string): string {
  const padded = digits.padEnd(INT_WIDTH, '0');
  return `0|${padded.slice(0, INT_WIDTH)}:${padded.slice(INT_WIDTH).replace(/0+$/, '')}`;
}

function digitAt(s: string, i: number): number {
  const ch = s[i];
  return ch === undefined ? 0 : DIGITS.indexOf(ch);
}

/** Midpoint of two base-36 fractions given as digit strings without trailing zeros (b null = 1.0). */
function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    let n = 0;
    while (n < b.length && (a[n] ?? '0') === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const digitA = digitAt(a, 0);
  const digitB = b === null || b === '' ? DIGITS.length : digitAt(b, 0);
  if (digitB - digitA > 1) return DIGITS[Math.round((digitA + digitB) / 2)] ?? '';
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return (DIGITS[digitA] ?? '') + midpoint(a.slice(1), null);
}

/** A rank strictly between lo and hi (either may be absent = the start or end of the order). */
export function rankBetween(lo: string | undefined, hi: string | undefined): string {
  return format(midpoint(lo === undefined ? '' : body(lo), hi === undefined ? null : body(hi)));
}

/** k ranks, ascending, strictly between lo and hi; split recursively to keep them short. */
export function ranksBetween(lo: string | undefined, hi: string | undefined, k: number): string[] {
  if (k <= 0) return [];
  const mid = rankBetween(lo, hi);
  const leftCount = Math.floor((k - 1) / 2);
  return [...ranksBetween(lo, mid, leftCount), mid, ...ranksBetween(mid, hi, k - 1 - leftCount)];
}

/** n evenly spaced initial ranks, as a freshly indexed Jira site would hold them. */
export function initialRanks(n: number): string[] {
  const space = DIGITS.length ** INT_WIDTH;
  const step = Math.max(1, Math.floor(space / (n + 1)));
  const out: string[] = [];
  for (let i = 1; i <= n; i++) out.push(format((i * step).toString(36).padStart(INT_WIDTH, '0')));
  return out;
}
