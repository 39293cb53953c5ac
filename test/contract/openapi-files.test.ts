/** The vendored specs are Atlassian's files byte for byte: their checksums match openapi/README.md. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, 'openapi');

function recordedChecksums(): Map<string, string> {
  const readme = readFileSync(join(DIR, 'README.md'), 'utf8');
  const rows = [...readme.matchAll(/^\| `([\w.-]+\.json)` .*`([0-9a-f]{64})` \|$/gm)];
  return new Map(rows.map((m) => [m[1] ?? '', m[2] ?? '']));
}

describe('the vendored OpenAPI specs', () => {
  const recorded = recordedChecksums();

  it('lists both specs with a checksum', () => {
    expect([...recorded.keys()].sort()).toEqual(['jira-platform.v3.json', 'jira-software.v3.json']);
  });

  it.each(['jira-platform.v3.json', 'jira-software.v3.json'])('%s is unedited', (file) => {
    const actual = createHash('sha256')
      .update(readFileSync(join(DIR, file)))
      .digest('hex');
    expect(actual).toBe(recorded.get(file));
  });
});
