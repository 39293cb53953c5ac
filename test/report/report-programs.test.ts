import { parseReportArgs, UsageError } from '../../dev/report/cli-args';
import { runReport } from '../../dev/report/main';
import { DEMO_PROGRAMS } from '../../dev/emulator/demo/demo-programs';

const DEMO = 'dev/data/demo-program.json';
const PROGRAMS = 'dev/data/demo-programs.json';
const NOW = '2026-01-01T00:00:00.000Z';

describe('report CLI: several programs', () => {
  it('prints each program of the config on its own line with --list-programs', async () => {
    const text = await runReport(parseReportArgs(['--config', PROGRAMS, '--list-programs'], {}));
    expect(text).toBe(DEMO_PROGRAMS.map((p) => `${p.name}\n`).join(''));
  });

  it('reports the program named by --program, over its own teams', async () => {
    const args = parseReportArgs(
      ['--data', DEMO, '--config', PROGRAMS, '--program', 'Platform program', '--now', NOW],
      {},
    );
    const report: unknown = JSON.parse(await runReport(args));
    expect(report).toMatchObject({ program: { name: 'Platform program' } });
    const checkout = parseReportArgs(['--data', DEMO, '--config', PROGRAMS, '--now', NOW], {});
    expect(JSON.parse(await runReport(checkout))).toMatchObject({ program: { name: 'Checkout program' } });
  });

  it('names the flag when the program is unknown or no config lists programs', async () => {
    const args = parseReportArgs(['--data', DEMO, '--config', PROGRAMS, '--program', 'Nope'], {});
    await expect(runReport(args)).rejects.toThrow(/--program: no program named "Nope"/);
    expect(() => parseReportArgs(['--list-programs'], {})).toThrow(UsageError);
  });
});
