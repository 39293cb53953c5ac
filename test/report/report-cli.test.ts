import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_NOW } from '../../dev/emulator/demo/demo-facts';
import { parseReportArgs, UsageError, type ReportArgs } from '../../dev/report/cli-args';
import { csvField } from '../../dev/report/report-csv';
import { runReport } from '../../dev/report/main';

const DEMO = join(__dirname, '../../dev/data/demo-program.json');
const args = (extra: string[] = []): ReportArgs =>
  parseReportArgs(['--data', DEMO, '--now', DEMO_NOW, ...extra], {});

function runCli(argv: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'dev/report/main.ts', ...argv], {
    cwd: join(__dirname, '../..'),
    encoding: 'utf8',
    env: { ...process.env, JIRA_SITE: '', JIRA_EMAIL: '', JIRA_API_TOKEN: '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('report CLI', () => {
  it('prints the JSON document with the documented top-level keys, deterministically', async () => {
    const text = await runReport(args());
    const json: unknown = JSON.parse(text);
    expect(Object.keys(json as object)).toEqual(
      expect.arrayContaining([
        'dependencies',
        'cycles',
        'criticalPath',
        'matrix',
        'readiness',
        'teams',
        'priority',
        'rankMoves',
        'impediments',
        'cadence',
      ]),
    );
    expect(text).toContain('"cycles": [\n    [\n      "CHK-55",\n      "PAY-55",\n      "SRCH-55"');
    expect(await runReport(args())).toBe(text);
  });

  it('prints a Markdown report for a Scrum of Scrums, with Jira text kept inert', async () => {
    const md = await runReport(args(['--format', 'md']));
    expect(md).toMatch(/^# Program: Scrum of Scrums report/);
    expect(md).toContain('| PLAT-81 (PLAT) | unscheduled | PAY-42 (PAY) | PAY Sprint 4 | conflict |');
    expect(md).toContain('## MetaScrum cadence: meet once a week');
    expect(md).not.toContain('<img');
  });

  it('prints one CSV row per open backlog item with RFC 4180 quoting', async () => {
    const csv = await runReport(args(['--format', 'csv']));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'key,team,epic,summary,points,ready,score,failing,epic_position,prerequisites,dependants,' +
        'epic_p50_date,epic_p85_date,epic_p95_date,epic_due_date,epic_p_on_time',
    );
    expect(lines).toHaveLength(1 + 225);
    expect(lines).toContain(
      'PAY-42,PAY,PAY-2,Payments: story 34 of Reliability,8,false,88,prerequisites-scheduled,2,1,0,' +
        '2027-01-12,2027-01-12,2027-01-12,,',
    );
    expect(csvField('a "quoted", text\nline')).toBe('"a ""quoted"", text\nline"');
  });

  it('applies a config file and an explicit epic order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    const config = join(dir, 'program.json');
    writeFileSync(config, JSON.stringify({ name: 'Checkout program', projects: ['PAY', 'CHK'] }));
    const json = JSON.parse(await runReport(args(['--config', config, '--epic-order', 'CHK-3,PAY-1']))) as {
      program: { name: string; teams: string[] };
      priority: { order: string[] };
    };
    expect(json.program).toEqual(
      expect.objectContaining({ name: 'Checkout program', teams: ['CHK', 'PAY'] }),
    );
    expect(json.priority.order.slice(0, 3)).toEqual(['CHK-3', 'PAY-1', 'PAY-2']);
  });

  it('rejects bad flags with one line naming the problem', () => {
    const bad = (argv: string[]) => () => parseReportArgs(argv, {});
    expect(bad([])).toThrow(UsageError);
    expect(bad(['--data', DEMO, '--format', 'xml'])).toThrow('--format: expected json, md or csv, got "xml"');
    expect(bad(['--data'])).toThrow('--data: expected a value');
    expect(bad(['--data', DEMO, '--now', 'yesterday'])).toThrow('--now: not a date');
    expect(bad(['--site', 'https://x.atlassian.net'])).toThrow('--email: required with --site');
    expect(bad(['--data', DEMO, '--epic-order', 'pay-1'])).toThrow(
      '--epic-order: "pay-1" is not an issue key',
    );
  });

  it('exits with code 2 and one stderr line on a bad flag, an unreadable file or a bad config', () => {
    const unknown = runCli(['--data', DEMO, '--colour', 'red']);
    expect(unknown.status).toBe(2);
    expect(
      unknown.stderr
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('npm')),
    ).toEqual([expect.stringMatching(/^report: unknown argument "--colour"/)]);
    const missing = runCli(['--data', 'no-such-file.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^report: --data: no-such-file\.json: ENOENT/);
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    const config = join(dir, 'bad.json');
    writeFileSync(config, JSON.stringify({ horizon: { minSprints: 'two' } }));
    const badConfig = runCli(['--data', DEMO, '--config', config]);
    expect(badConfig.status).toBe(2);
    expect(badConfig.stderr).toContain('horizon.minSprints');
    expect(badConfig.stdout).toBe('');
  });
});
