/**
 * The report CLI's flags. Every problem is one line naming the flag, so a script calling the CLI
 * can show it as is; the caller exits with code 2.
 */
export type ReportFormat = 'json' | 'md' | 'csv';

export interface SiteAccess {
  site: string;
  email: string;
  token: string;
}

export interface ReportArgs {
  data: string | undefined;
  site: SiteAccess | undefined;
  config: string | undefined;
  format: ReportFormat;
  now: string | undefined;
  epicOrder: string[];
  /** `--history`: print the daily summaries (today and each week back) instead of the report. */
  history: { weeks: number } | undefined;
  /** A program of the config's `programs` list, by name. */
  program: string | undefined;
  /** Print the config's program names instead of a report. */
  listPrograms: boolean;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const VALUE_FLAGS = [
  '--data',
  '--config',
  '--format',
  '--site',
  '--email',
  '--token',
  '--now',
  '--epic-order',
  '--weeks',
  '--program',
];
/** Flags without a value. */
const SWITCHES = ['--history', '--list-programs'];

export const USAGE =
  'usage: npm run report -- (--data <dataset.json> | --site <url> --email <e> --token <t>) [--config <program.json>] [--format json|md|csv] [--now <ISO date>] [--epic-order KEY,KEY] [--program <name>] [--list-programs] [--history [--weeks <1-52>]]';

function readFlags(argv: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (SWITCHES.includes(name) && inline === undefined) {
      if (flags.has(name)) throw new UsageError(`${name}: given twice`);
      flags.set(name, '');
      continue;
    }
    if (!VALUE_FLAGS.includes(name)) throw new UsageError(`unknown argument "${arg}" (${USAGE})`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`${name}: expected a value`);
    }
    if (flags.has(name)) throw new UsageError(`${name}: given twice`);
    flags.set(name, value);
  }
  return flags;
}

function formatOf(raw: string | undefined): ReportFormat {
  if (raw === undefined) return 'json';
  if (raw === 'json' || raw === 'md' || raw === 'csv') return raw;
  throw new UsageError(`--format: expected json, md or csv, got "${raw}"`);
}

function siteOf(flags: Map<string, string>, env: NodeJS.ProcessEnv): SiteAccess | undefined {
  const site = flags.get('--site') ?? (flags.has('--data') ? undefined : env.JIRA_SITE);
  if (site === undefined) return undefined;
  if (!/^https?:\/\/[^/\s]+/.test(site))
    throw new UsageError(`--site: expected an http(s) URL, got "${site}"`);
  const email = flags.get('--email') ?? env.JIRA_EMAIL;
  const token = flags.get('--token') ?? env.JIRA_API_TOKEN;
  if (!email) throw new UsageError('--email: required with --site (or set JIRA_EMAIL)');
  if (!token) throw new UsageError('--token: required with --site (or set JIRA_API_TOKEN)');
  return { site, email, token };
}

function historyOf(flags: Map<string, string>, format: ReportFormat): ReportArgs['history'] {
  const raw = flags.get('--weeks');
  if (!flags.has('--history')) {
    if (raw !== undefined) throw new UsageError('--weeks: only with --history');
    return undefined;
  }
  if (format === 'md') throw new UsageError('--format: --history prints json or csv, not md');
  const weeks = raw === undefined ? 8 : Number(raw);
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52)
    throw new UsageError(`--weeks: expected a whole number from 1 to 52, got "${raw ?? ''}"`);
  return { weeks };
}

export function parseReportArgs(argv: readonly string[], env: NodeJS.ProcessEnv): ReportArgs {
  const flags = readFlags(argv);
  const data = flags.get('--data');
  const site = siteOf(flags, env);
  if (data !== undefined && flags.has('--site')) throw new UsageError('--data and --site: give one of them');
  const listPrograms = flags.has('--list-programs');
  if (listPrograms && !flags.has('--config'))
    throw new UsageError('--list-programs: needs --config <programs.json>');
  if (data === undefined && site === undefined && !listPrograms)
    throw new UsageError(`--data or --site: one is required (${USAGE})`);
  const now = flags.get('--now');
  if (now !== undefined && !Number.isFinite(Date.parse(now)))
    throw new UsageError(`--now: not a date: "${now}"`);
  const epicOrder = (flags.get('--epic-order') ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const bad = epicOrder.find((k) => !/^[A-Z][A-Z0-9_]*-\d+$/.test(k));
  if (bad !== undefined) throw new UsageError(`--epic-order: "${bad}" is not an issue key`);
  const format = formatOf(flags.get('--format'));
  return {
    data,
    site,
    config: flags.get('--config'),
    format,
    now,
    epicOrder,
    history: historyOf(flags, format),
    program: flags.get('--program'),
    listPrograms,
  };
}
