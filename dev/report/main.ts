/**
 * `npm run report -- --data <dataset.json> [--config <program.json>] [--format json|md|csv]`: runs the
 * analysis engine on a dataset file (the emulator's format) or, with `--site`, on a real Jira Cloud
 * site, and prints the report. Bad flags, an unreadable file or an invalid config: one line on stderr
 * naming the problem, exit code 2. Jira errors: one line, exit code 1.
 */
import { readFileSync } from 'node:fs';
import { loadDataset } from '../emulator/dataset/load-dataset';
import { ProgramAnalyser, type ProgramInput } from '../../src/domain/analyse-program';
import { parseProgramConfig, ProgramConfigError } from '../../src/domain/config/program-config';
import { parseReportArgs, UsageError, type ReportArgs } from './cli-args';
import { reportCsv } from './report-csv';
import { reportJson } from './report-json';
import { reportMarkdown } from './report-markdown';
import { readSiteProgram } from './site-program';

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

function readDataset(file: string): ProgramInput {
  try {
    return loadDataset(file);
  } catch (err) {
    throw new UsageError(`--data: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export async function runReport(args: ReportArgs): Promise<string> {
  let config;
  try {
    config = parseProgramConfig(readConfig(args.config));
  } catch (err) {
    if (err instanceof ProgramConfigError) throw new UsageError(`--config: ${err.message}`);
    throw err;
  }
  let input: ProgramInput;
  if (args.data !== undefined) input = readDataset(args.data);
  else if (args.site !== undefined) input = await readSiteProgram(args.site, config);
  else throw new UsageError('--data or --site: one is required');
  const { analysis, forecast } = new ProgramAnalyser(config, input)
    .addIssues(input.issues)
    .analyseAndForecast({ now: args.now ?? new Date(), epicOrder: args.epicOrder });
  if (args.format === 'md') return reportMarkdown(analysis, forecast);
  if (args.format === 'csv') return reportCsv(analysis, forecast);
  return `${JSON.stringify(reportJson(analysis, forecast), null, 2)}\n`;
}

async function main(): Promise<void> {
  try {
    const args = parseReportArgs(process.argv.slice(2), process.env);
    process.stdout.write(await runReport(args));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(`report: ${message.split('\n')[0] ?? message}`);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  }
}

if (require.main === module) void main();
