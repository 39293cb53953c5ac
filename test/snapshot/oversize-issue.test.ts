import { applyChanges } from '../../src/services/snapshot/chunk-patch';
import { fitIssue } from '../../src/services/snapshot/fit-issue';
import { ChunkWriter } from '../../src/storage/chunk-writer';
import type { StoredIssue } from '../../src/storage/snapshot-schema';
import { readChunks } from '../../src/storage/snapshot-store';
import { installForgeRuntime, type ForgeRuntimeDouble } from '../doubles/forge-runtime';

const BLOCKS = { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' };
const RELATES = { name: 'Relates', inward: 'relates to', outward: 'relates to' };

/** A hub epic with `count` links; every third one a dependency ("blocks"), the rest "relates to". */
function hub(count: number): StoredIssue {
  const issuelinks = Array.from({ length: count }, (_, i) => ({
    id: String(50_000 + i),
    type: i % 3 === 0 ? BLOCKS : RELATES,
    outwardIssue: { id: String(10_000 + i), key: `PAY-${1_000 + i}`, fields: { summary: `Story ${i}` } },
  }));
  return { id: '1', key: 'PAY-1', fields: { summary: 'Hub epic', issuelinks } };
}

const linksOf = (issue: StoredIssue | undefined): unknown[] => {
  const links = issue?.fields.issuelinks;
  return Array.isArray(links) ? links : [];
};
const isBlocks = (link: unknown) => JSON.stringify(link).includes('"name":"Blocks"');

describe('an issue that outgrows its chunk', () => {
  let forge: ForgeRuntimeDouble;
  beforeEach(() => {
    forge = installForgeRuntime({ jiraBaseUrl: 'http://127.0.0.1:9' });
  });
  afterEach(() => forge.uninstall());

  it('is trimmed, not dropped, on an incremental refresh: 1,000 to 1,900 links, dependencies kept first, with a warning', async () => {
    const writer = new ChunkWriter('v1');
    expect(writer.add(hub(1_000))).toBe(true);
    const refs = await writer.finish();

    const { chunks, warnings } = await applyChanges(refs, 'v2', [hub(1_900)], []);
    const stored = [...(await readChunks(chunks.map((c) => c.key))).values()].flatMap((c) => c.issues);
    const epic = stored.find((i) => i.key === 'PAY-1');
    expect(epic).toBeDefined();
    const kept = linksOf(epic);
    const dependencies = kept.filter(isBlocks).length;
    expect(dependencies).toBe(Math.ceil(1_900 / 3));
    expect(kept.length).toBeLessThan(1_900);
    expect(warnings).toEqual([
      {
        scope: 'PAY-1',
        reason: expect.stringMatching(/^\d+ of its links were left out .*dependency links kept first/),
      },
    ]);
  });

  it('trims the same way every time', () => {
    const a = fitIssue(hub(1_900), 200_000);
    const b = fitIssue(hub(1_900), 200_000);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a?.linksLeftOut).toBeGreaterThan(0);
  });
});
