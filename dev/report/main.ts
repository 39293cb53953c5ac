/**
 * `npm run report -- --data <file.json> [--config <program.json>] [--program <name>] [--format json|md|csv] [--history]`: runs the
 * analysis engine on a file of Jira issues (a search/jql reply, a list of such pages, a plain list of
 * issues or the emulator's dataset: see report-input.ts) or, with `--site`, on a real Jira Cloud
 * site, and prints the report. Issues that could not be read are named in the report's warnings (and,
 * for CSV, on stderr). Bad flags, an unreadable file or an invalid config: one line on stderr
 * naming the problem, exit code 2. Jira errors: one line, exit code 1.
 */
import { readFileSync } from 'node:fs';
import { ProgramAnalyser, type ProgramInput } from '../../src/domain/analyse-program';
import { parseProgramConfig, ProgramConfigError } from '../../src/domain/config/program-config';
import { parseReportArgs, UsageError, type ReportArgs } from './cli-args';
import { reportCsv } from './report-csv';
import { historyCsv, historyJson, historySummaries } from './report-history';
import { reportJson } from './report-json';
import { readReportFile, ReportInputError, type ReportInput } from './report-input';
import { reportMarkdown } from './report-markdown';
import { readSiteProgram } from './site-program';
import { chooseProgram, programsOf } from './program-choice';

function readConfig(file: string | undefined): unknown {
  if (file === undefined) return {};
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(
      `--config: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed;
  } catch (err) {
    throw new UsageError(
      `--config: ${file} is not JSON: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

function readData(file: string): ReportInput {
  try {
    return readReportFile(file);
  } catch (err) {
    if (err instanceof ReportInputError) throw new UsageError(`--data: ${err.message}`);
    throw err;
  }
}

/** The report's text; `warn` receives the input warnings when the format has no place for them (CSV). */
export async function runReport(
  args: ReportArgs,
  warn: (line: string) => void = () => undefined,
): Promise<string> {
  const programs = programsOf(readConfig(args.config));
  if (args.listPrograms) return programs.map((p) => `${p.name}\n`).join('');
  let config;
  try {
    config = parseProgramConfig(chooseProgram(programs, args.program));
  } catch (err) {
    if (err instanceof ProgramConfigError) throw new UsageError(`--config: ${err.message}`);
    throw err;
  }
  let input: ProgramInput;
  let inputWarnings: string[] = [];
  if (args.data !== undefined) ({ input, warnings: inputWarnings } = readData(args.data));
  else if (args.site !== undefined) input = await readSiteProgram(args.site, config);
  else throw new UsageError('--data or --site: one is required');
  if (args.history) {
    const nowMs = args.now === undefined ? Date.now() : Date.parse(args.now);
    const days = historySummaries(config, input, nowMs, args.epicOrder, args.history.weeks);
    return args.format === 'csv' ? historyCsv(days) : historyJson(days);
  }
  const { analysis: analysed, forecast } = new ProgramAnalyser(config, input)
    .addIssues(input.issues)
    .analyseAndForecast({ now: args.now ?? new Date(), epicOrder: args.epicOrder });
  const analysis = { ...analysed, warnings: [...inputWarnings, ...analysed.warnings] };
  if (args.format === 'md') return reportMarkdown(analysis, forecast);
  if (args.format === 'csv') {
    analysis.warnings.forEach(warn);
    return reportCsv(analysis, forecast);
  }
  return `${JSON.stringify(reportJson(analysis, forecast), null, 2)}\n`;
}

async function main(): Promise<void> {
  try {
    const args = parseReportArgs(process.argv.slice(2), process.env);
    process.stdout.write(await runReport(args, (line) => console.error(`report: warning: ${line}`)));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(`report: ${message.split('\n')[0] ?? message}`);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  }
}

if (require.main === module) void main();
