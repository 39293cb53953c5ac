/**
 * Markdown building blocks. Jira text is untrusted: `&`, `<` and `>` become entities (so a summary
 * like `<img onerror=...>` stays inert text in any Markdown viewer), and `|`, backslashes and line
 * breaks are escaped so a cell never breaks its table.
 */
export function mdText(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
}

export function mdTable(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>,
): string {
  if (rows.length === 0) return '_None._';
  const line = (cells: ReadonlyArray<string | number | boolean | null | undefined>) =>
    `| ${cells.map(mdText).join(' | ')} |`;
  return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** At most `limit` rows, with a note of how many were left out. */
export function capped<T>(rows: readonly T[], limit: number): { shown: T[]; note: string } {
  const shown = rows.slice(0, limit);
  const rest = rows.length - shown.length;
  return { shown, note: rest > 0 ? `\n\n_... and ${rest} more (see \`--format json\` or \`csv\`)._` : '' };
}
