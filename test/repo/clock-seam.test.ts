/**
 * The clock seam is enforced by lint, so a new wall-clock read in src/ fails `npm test`. The project's
 * real ESLint config says which rule applies to a file (its CLI, since its loader needs real ESM, not
 * jest's); ESLint's Linter then runs that very rule on sample code.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Linter } from 'eslint';

const ROOT = path.resolve(__dirname, '../..');
const ESLINT = path.join(ROOT, 'node_modules/eslint/bin/eslint.js');

function restrictedSyntaxFor(file: string): Linter.RuleEntry | undefined {
  const run = spawnSync(process.execPath, [ESLINT, '--print-config', file], { cwd: ROOT, encoding: 'utf8' });
  const config: unknown = JSON.parse(run.stdout);
  if (typeof config !== 'object' || config === null || !('rules' in config))
    throw new Error(`eslint printed no config for ${file}: ${run.stderr}`);
  const rules = config.rules as Record<string, Linter.RuleEntry>;
  return rules['no-restricted-syntax'];
}

function clockMessages(file: string, code: string): string[] {
  const rule = restrictedSyntaxFor(file);
  if (rule === undefined) return [];
  return new Linter().verify(code, [{ rules: { 'no-restricted-syntax': rule } }]).map((m) => m.message);
}

const WALL_CLOCK = 'export const a = () => Date.now();\nexport const b = () => new Date();\n';

describe('the clock seam', () => {
  it('refuses Date.now() and new Date() in src/', () => {
    expect(clockMessages('src/services/example.ts', WALL_CLOCK)).toEqual([
      expect.stringContaining('clock()'),
      expect.stringContaining('clock()'),
    ]);
  });

  it('lets the clock module read the wall clock, and anyone build a Date from a given time', () => {
    expect(clockMessages('src/clock.ts', WALL_CLOCK)).toEqual([]);
    expect(clockMessages('src/example.ts', 'export const c = (ms) => new Date(ms);\n')).toEqual([]);
  });
});
