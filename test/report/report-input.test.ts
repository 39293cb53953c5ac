import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoProgram, startEmulator, type RunningEmulator } from '../../dev/emulator';
import { DEMO_NOW } from '../../dev/emulator/demo/demo-facts';
import { parseReportArgs, UsageError } from '../../dev/report/cli-args';
import { runReport } from '../../dev/report/main';
import { readReportInput } from '../../dev/report/report-input';
import { readSiteProgram } from '../../dev/report/site-program';
import { parseProgramConfig } from '../../src/domain/config/program-config';

const DEMO = join(__dirname, '../../dev/data/demo-program.json');
const parsedDemo: unknown = JSON.parse(readFileSync(DEMO, 'utf8'));
const demo: Record<string, unknown> =
  typeof parsedDemo === 'object' && parsedDemo !== null ? Object.fromEntries(Object.entries(parsedDemo)) : {};
const demoIssues: unknown[] = Array.isArray(demo.issues) ? demo.issues.map((issue: unknown) => issue) : [];

const dir = mkdtempSync(join(tmpdir(), 'report-input-'));
let files = 0;
function fileOf(content: unknown): string {
  const file = join(dir, `data-${++files}.json`);
  writeFileSync(file, JSON.stringify(content));
  return file;
}

interface Report {
  warnings: string[];
  dependencies: Array<{ from: string; to: string }>;
  readiness: Array<{ key: string }>;
}
async function reportOf(content: unknown, extra: string[] = []): Promise<Report> {
  const text = await runReport(parseReportArgs(['--data', fileOf(content), '--now', DEMO_NOW, ...extra], {}));
  return JSON.parse(text) as Report;
}

describe('report CLI input: what people have', () => {
  it('reads one search/jql reply, a list of pages and a plain list of issues alike', async () => {
    const reply = await reportOf({ issues: demoIssues, isLast: true });
    expect(reply.warnings).toEqual([]);
    expect(reply.dependencies.length).toBeGreaterThan(0);
    expect(reply.readiness.length).toBeGreaterThan(100);
    const pages = [
      { issues: demoIssues.slice(0, 100), nextPageToken: 't1', isLast: false },
      { issues: demoIssues.slice(100, 300), nextPageToken: 't2', isLast: false },
      { issues: demoIssues.slice(300), isLast: true },
    ];
    expect(await reportOf(pages)).toEqual(reply);
    expect(await reportOf(demoIssues)).toEqual(reply);
  });

  it('needs no projects, issue types nor users: the full dataset without them reads the same', async () => {
    const full = await reportOf(demo);
    const rest = Object.fromEntries(
      Object.entries(demo).filter(([name]) => !['projects', 'issueTypes', 'users'].includes(name)),
    );
    expect(await reportOf(rest)).toEqual(full);
  });

  it('skips an unreadable issue with a warning naming it instead of rejecting the file', async () => {
    const issues = [
      demoIssues[0],
      { key: 'PAY-9999', fields: 'oops' },
      42,
      { id: '1', fields: {} },
      demoIssues[1],
    ];
    const report = await reportOf({ issues });
    expect(report.warnings.slice(0, 3)).toEqual([
      'issues[1] (PAY-9999) skipped: fields: expected object, got string',
      'issues[2] skipped: expected an issue object, got number',
      'issues[3] skipped: key: expected string',
    ]);
    expect(report.readiness.map((r) => r.key)).not.toContain('PAY-9999');
  });

  it('writes the skipped issues to stderr for CSV, which has no place for warnings', async () => {
    const lines: string[] = [];
    const csv = await runReport(
      parseReportArgs(
        ['--data', fileOf([demoIssues[0], { key: 'X' }]), '--now', DEMO_NOW, '--format', 'csv'],
        {},
      ),
      (line) => lines.push(line),
    );
    expect(csv.startsWith('key,team,epic')).toBe(true);
    expect(lines).toContain('[1] (X) skipped: key: "X" is not an issue key');
  });

  it.each([
    ['"hello"', '--data: (root): expected an object or an array, got string'],
    ['{"issues":"x"}', '--data: issues: expected array, got string'],
    ['{"issues":[],"fields":{}}', '--data: fields: expected array, got object'],
    ['{"issues":[],"issueProperties":[]}', '--data: issueProperties: expected object, got array'],
    ['[{"issues":[]},{"issues":3}]', '--data: [1].issues: expected array, got number'],
    ['[{"issues":[]},7]', '--data: [1]: expected a search page object, got number'],
  ])('rejects %s with a typed error naming the field', async (json, message) => {
    const file = join(dir, `bad-${++files}.json`);
    writeFileSync(file, json);
    const run = runReport(parseReportArgs(['--data', file, '--now', DEMO_NOW], {}));
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(run).rejects.toThrow(message);
  });

  it('reads an empty list as an empty program', () => {
    expect(readReportInput([])).toEqual({ input: { issues: [] }, warnings: [] });
  });
});

describe('report CLI --site', () => {
  let emulator: RunningEmulator;
  const searches: unknown[] = [];
  beforeAll(async () => {
    emulator = await startEmulator({
      dataset: demoProgram(),
      port: 0,
      onExchange: (ex) => {
        if (ex.path === '/rest/api/3/search/jql') searches.push(ex.requestBody);
      },
    });
  });
  afterAll(() => emulator.close());

  it('requests every field it reads (updated included), so its issues read back through --data', async () => {
    const access = { site: emulator.url, email: 'cpo@metascrum-demo.example', token: 'token' };
    const read = await readSiteProgram(access, parseProgramConfig({}));
    const issues = [...read.issues];
    expect(issues).toHaveLength(468);
    const report = await reportOf({ issues });
    expect(report.warnings).toEqual([]);
    expect(report.readiness.length).toBeGreaterThan(100);
    for (const issue of issues) {
      expect(issue).toMatchObject({ fields: { updated: expect.any(String), created: expect.any(String) } });
    }
    expect(searches.length).toBeGreaterThan(0);
    for (const body of searches) {
      expect(body).toMatchObject({
        fields: expect.arrayContaining(['created', 'updated', 'summary', 'status']),
      });
    }
  });
});
