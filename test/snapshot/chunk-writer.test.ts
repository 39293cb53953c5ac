import { ChunkWriter } from '../../src/storage/chunk-writer';
import type { StoredIssue } from '../../src/storage/snapshot-schema';
import { readChunks } from '../../src/storage/snapshot-store';
import { fitIssue } from '../../src/services/snapshot/fit-issue';
import { installForgeRuntime, type ForgeRuntimeDouble } from '../doubles/forge-runtime';

/**
 * The writer keeps each issue as the JSON it was sized with and writes a chunk from those bytes, so a
 * chunk read back must hold exactly the issues added, and its ref must describe them.
 */
const issue = (key: string, fields: Record<string, unknown>): StoredIssue => ({ id: key, key, fields });

describe('the chunk writer', () => {
  let forge: ForgeRuntimeDouble;
  beforeEach(() => {
    forge = installForgeRuntime({ jiraBaseUrl: 'http://jira.invalid' });
  });
  afterEach(() => forge.uninstall());

  it('writes chunks that read back as exactly the issues added, with refs that describe them', async () => {
    const writer = new ChunkWriter('v1', 4_000);
    const added: StoredIssue[] = [];
    for (let n = 1; n <= 40; n++) {
      const key = `${n % 2 ? 'PAY' : 'CHK'}-${n}`;
      const stored = issue(key, {
        summary: `Ünïcödé “quotes” \\ "escaped" ${'x'.repeat(n * 5)} 🚀`,
        issuetype: { name: n % 10 === 0 ? 'Epic' : 'Story', hierarchyLevel: n % 10 === 0 ? 1 : 0 },
      });
      const fitted = fitIssue(stored, writer.maxIssueBytes);
      expect(fitted?.json).toBe(JSON.stringify(stored));
      if (fitted) expect(writer.add(fitted.issue, fitted.json)).toBe(true);
      added.push(stored);
    }
    const refs = await writer.finish();
    expect(refs.length).toBeGreaterThan(2);
    const chunks = await forge.runAsApp(() => readChunks(refs.map((r) => r.key)));
    const read = refs.flatMap((ref) => {
      const issues = chunks.get(ref.key)?.issues ?? [];
      expect(issues.every((i) => i.key.startsWith(`${ref.project}-`))).toBe(true);
      expect(ref.count).toBe(issues.length);
      expect(ref.epics).toBe(issues.filter((i) => i.key.endsWith('0')).length);
      expect(ref.bytes).toBe(Buffer.byteLength(JSON.stringify({ issues })) + 1);
      expect(ref.bytes).toBeLessThanOrEqual(4_000);
      return issues;
    });
    const byKey = (a: StoredIssue, b: StoredIssue) => a.key.localeCompare(b.key);
    expect([...read].sort(byKey)).toEqual([...added].sort(byKey));
  });

  it('refuses an issue that is not a stored issue before anything is written', async () => {
    const writer = new ChunkWriter('v2');
    // A stored issue is strict: a key it does not know (here Jira's raw reply) is refused.
    const withRawReply = { id: 'PAY-1', key: 'PAY-1', fields: {}, raw: '{"expand":"…"}' };
    expect(() => writer.add(withRawReply)).toThrow();
    expect(await writer.finish()).toEqual([]);
  });
});
