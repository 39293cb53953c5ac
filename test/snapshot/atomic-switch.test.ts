import { JiraClient } from '../../src/jira/client';
import type { JiraRequest, JiraResponse } from '../../src/jira/transport';
import { forgeTransport } from '../../src/jira/forge-transport';
import { retryPolicyFor } from '../../src/jira/retry-policy';
import { syncProgram } from '../../src/services/program-sync';
import { readProgramIssues } from '../../src/services/snapshot/snapshot-reader';
import { readManifest } from '../../src/storage/snapshot-store';
import { startHarness, type Harness } from '../resolvers/harness';

const ALL = new Set(['PAY', 'CHK', 'SRCH', 'MOB', 'PLAT']);

/** A full read as a resolver does it: the pointer, then the chunks it names. */
async function readAll(): Promise<{ version: string; summaries: string[] }> {
  const manifest = await readManifest();
  if (!manifest) return { version: 'none', summaries: [] };
  const { manifest: read, issues } = await readProgramIssues(manifest, ALL);
  return {
    version: read.version,
    summaries: issues.map((i) => `${i.key}:${i.fields?.summary ?? ''}`).sort(),
  };
}

describe('the atomic switch to a new snapshot version', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('lets a reader see the old version or the new one during a rebuild, never a mix', async () => {
    await h.buildSnapshot();
    const old = await h.forge.runAsApp(readAll);
    for (const key of ['PAY-9', 'MOB-20', 'PLAT-70']) {
      const response = await fetch(`${h.emulator.url}/rest/api/3/issue/${key}`, {
        method: 'PUT',
        headers: { authorization: 'Bearer app', 'content-type': 'application/json' },
        body: JSON.stringify({ fields: { summary: `${key} renamed` } }),
      });
      expect(response.status).toBe(204);
    }
    // Read the whole snapshot before every request the rebuild sends, and once after it.
    const reads: Array<Awaited<ReturnType<typeof readAll>>> = [];
    const inner = forgeTransport('app');
    const readingTransport = {
      async send(request: JiraRequest): Promise<JiraResponse> {
        reads.push(await readAll());
        return inner.send(request);
      },
    };
    const asApp = new JiraClient(readingTransport, { policy: retryPolicyFor('consumer') });
    await h.forge.runAsApp(() => syncProgram(asApp, { reason: 'requested', mode: 'full' }, Date.now));
    const fresh = await h.forge.runAsApp(readAll);
    reads.push(fresh);
    expect(fresh.summaries).toContain('PAY-9:PAY-9 renamed');
    expect(fresh.version).not.toBe(old.version);
    for (const read of reads) {
      expect([old.version, fresh.version]).toContain(read.version);
      expect(read.summaries).toEqual(read.version === old.version ? old.summaries : fresh.summaries);
    }
    expect(reads.filter((r) => r.version === old.version).length).toBeGreaterThan(3);
  });

  it('keeps the previous version readable for one switch, then deletes it', async () => {
    await h.buildSnapshot();
    const first = await h.forge.runAsApp(readManifest);
    await h.buildSnapshot();
    const firstChunk = first?.chunks[0]?.key ?? '';
    expect(h.forge.kvs.peek(firstChunk)).toBeDefined();
    await h.buildSnapshot();
    expect(h.forge.kvs.peek(firstChunk)).toBeUndefined();
    const current = await h.forge.runAsApp(readManifest);
    const dataKeys = h.forge.kvs.keys().filter((k) => k.startsWith('snapshot:data:'));
    // Exactly the current and the previous version remain.
    expect(dataKeys.length).toBe(2 * ((current?.chunks.length ?? 0) + 1));
  });
});
