/**
 * A clone of this repository alone runs and tests the app: no tracked file reads or links a path
 * outside it (a sibling checkout, a developer's home, the machine it was written on).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const TEXT = /\.(ts|tsx|js|mjs|cjs|json|md|ya?ml|sh|html|css)$|(^|\/)(run|\.gitignore|\.prettierignore)$/;
/** Data files that only hold recorded or generated values, never paths the repo uses. */
const DATA =
  /^(package-lock\.json|test\/contract\/openapi\/.*\.json|dev\/data\/.*\.json|test\/fixtures\/.*\.json)$/;

function trackedTextFiles(): string[] {
  return execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f !== '' && TEXT.test(f) && !DATA.test(f));
}

/** Where `file` points outside the repository, one message per place. */
export function outsideReferences(file: string, text: string): string[] {
  const dir = path.dirname(path.join(ROOT, file));
  const outside = (target: string) => path.relative(ROOT, target).startsWith('..');
  const found: string[] = [];
  // Relative paths in strings, imports and Markdown links: `../x`, `../../x`.
  for (const m of text.matchAll(/(?<![\w./])((?:\.\.\/)+)[\w@.-]*/g)) {
    if (outside(path.resolve(dir, m[0]))) found.push(`${file}: "${m[0]}" leaves the repository`);
  }
  // path.join(__dirname, '..', '..', ...) climbing past the root.
  for (const m of text.matchAll(/__dirname((?:\s*,\s*'\.\.')+)/g)) {
    const ups = (m[1] ?? '').split("'..'").length - 1;
    if (outside(path.resolve(dir, ...Array<string>(ups).fill('..'), 'x')))
      found.push(`${file}: __dirname with ${ups} '..' leaves the repository`);
  }
  // Absolute paths of the machines this was written on.
  for (const m of text.matchAll(/(?<![\w.])\/(work|home|Users|root)\/[\w.-]+/g))
    found.push(`${file}: absolute path ${m[0]}`);
  return found;
}

describe('the repository is self-contained', () => {
  it('no tracked file reads or links a path outside the repository', () => {
    const files = trackedTextFiles();
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => outsideReferences(f, readFileSync(path.join(ROOT, f), 'utf8')));
    expect(found).toEqual([]);
  });

  it('catches a sibling folder, a climbing __dirname and an absolute path', () => {
    expect(outsideReferences('README.md', 'see [domain](../shared/DOMAIN.md)')).toHaveLength(1);
    // Built from parts, so this file itself holds no such reference.
    const climb = `join(__dirname, ${"'..', ".repeat(3)}'shared')`;
    expect(outsideReferences('test/contract/x.ts', climb)).toHaveLength(1);
    expect(outsideReferences('test/contract/x.ts', "import { a } from '../../src/a';")).toEqual([]);
    expect(outsideReferences('dev/x.ts', `readFileSync('/${'work'}/shared/x.json')`)).toHaveLength(1);
  });
});
