import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Every view writes dates through `formatDate` (static/src/format.ts), so the same moment reads the same
 * on the admin page, the issue panel and the gadget (issue 11: "date formats differ between views").
 */
describe('one date format in the UI', () => {
  it('formats dates with the locale only in static/src/format.ts', () => {
    const grep = spawnSync(
      'git',
      [
        'grep',
        '-n',
        '-E',
        'toLocale(String|DateString|TimeString)\\(|Intl\\.DateTimeFormat',
        '--',
        'static/src',
        ':!static/src/format.ts',
      ],
      { cwd: join(__dirname, '../..'), encoding: 'utf8' },
    );
    // git grep exits 1 when nothing matches, 0 with matches, 2+ on error.
    expect({ status: grep.status, matches: grep.stdout.trim() }).toEqual({ status: 1, matches: '' });
  });
});
