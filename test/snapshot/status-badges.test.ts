import { snapshotWorker } from '../../src/index';
import { statusPropertyKey } from '../../src/jira/issue-status-property';
import { syncStatusBadges } from '../../src/services/analysis/status-badges';
import { SYNC_QUEUE_KEY } from '../../src/services/sync-queue';
import { readAnalysisManifest } from '../../src/storage/analysis-store';
import { readWrittenBadges, storeWrittenBadges } from '../../src/storage/status-badges';
import { JiraClient } from '../../src/jira/client';
import { forgeTransport } from '../../src/jira/forge-transport';
import { DEMO_FACTS } from '../../dev/emulator/demo/demo-facts';
import { judgeRequest, judgeResponse } from '../contract/openapi-judge';
import { dataOf, startHarness, type Harness } from '../resolvers/harness';

/** The Forge double's app id (test/doubles/forge-runtime.ts), as Jira names the module's status. */
const PROPERTY = statusPropertyKey('00000000-0000-0000-0000-000000000000');
const [IN_CYCLE = 'PAY-55'] = DEMO_FACTS.cycle;
const NO_DEPENDENCIES = DEMO_FACTS.readinessFailures.noDescription;

describe('the collapsed issue panel’s status badge (issue property)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.buildSnapshot();
  });
  afterAll(() => h.close());

  const propertyOf = (key: string) => h.emulator.state.issueByKeyOrId(key)?.properties.get(PROPERTY);
  const propertyExchanges = () => h.exchanges.filter((ex) => ex.path.includes('/properties/'));
  const analyse = () =>
    h.forge.runAsApp(() =>
      snapshotWorker({ body: { reason: 'order', mode: 'analysis' }, queueName: SYNC_QUEUE_KEY, jobId: 'a' }),
    );
  async function badgeShown(key: string): Promise<number> {
    const { badge } = dataOf(await h.call('issue/getContext', { issueKey: key }, 'admin'));
    return badge.conflicts + badge.blockers;
  }

  it('counts an open impediment on the blocked item, as the expanded panel does', async () => {
    const blocked = DEMO_FACTS.impedimentBlocks[1];
    const shown = await badgeShown(blocked);
    expect(shown).toBeGreaterThan(0);
    expect(propertyOf(blocked)).toEqual({ type: 'badge', value: { label: String(shown) } });
  });

  it('carries the count the expanded panel shows, written by the first analysis', async () => {
    const shown = await badgeShown(IN_CYCLE);
    expect(shown).toBeGreaterThan(0);
    expect(propertyOf(IN_CYCLE)).toEqual({ type: 'badge', value: { label: String(shown) } });
    for (const [prerequisite, dependant] of DEMO_FACTS.conflicts) {
      for (const key of [prerequisite, dependant])
        expect(propertyOf(key)).toEqual({ type: 'badge', value: { label: String(await badgeShown(key)) } });
    }
  });

  it('is absent on an issue without open conflicts or blockers', async () => {
    expect(await badgeShown(NO_DEPENDENCIES)).toBe(0);
    expect(propertyOf(NO_DEPENDENCIES)).toBeUndefined();
  });

  it('sends no property request when a re-run changes nothing', async () => {
    const before = propertyExchanges().length;
    expect(before).toBeGreaterThan(0);
    await analyse();
    expect(propertyExchanges().length).toBe(before);
  });

  it('deletes the property once the issue’s dependencies are gone', async () => {
    const state = h.emulator.state;
    const id = state.idByKey.get(IN_CYCLE) ?? '';
    for (const linkId of state.linksByIssue.get(id) ?? []) {
      const link = state.links.get(linkId);
      state.links.delete(linkId);
      for (const end of [link?.fromId, link?.toId]) if (end) state.linksByIssue.get(end)?.delete(linkId);
    }
    const before = propertyExchanges().length;
    await h.buildSnapshot();
    expect(await badgeShown(IN_CYCLE)).toBe(0);
    expect(propertyOf(IN_CYCLE)).toBeUndefined();
    const sent = propertyExchanges().slice(before);
    expect(sent.filter((ex) => ex.method === 'DELETE' && ex.path.includes(`/${IN_CYCLE}/`))).toHaveLength(1);
    // Its two cycle neighbours lost a dependency too, and so did the three epics that carry their
    // children's conflicts: only changed counts are sent.
    expect(sent.length).toBeLessThanOrEqual(6);
  });

  it('spreads a large change over runs, never more writes per run than the bound', async () => {
    const manifest = await h.forge.runAsApp(readAnalysisManifest);
    if (!manifest) throw new Error('no analysis');
    const badged = [...(await h.forge.runAsApp(readWrittenBadges)).keys()];
    expect(badged.length).toBeGreaterThan(4);
    // Forget every write: the next runs must rewrite them all, two per run.
    await h.forge.runAsApp(() => storeWrittenBadges(new Map(), badged));
    const asApp = new JiraClient(forgeTransport('app'));
    const runs: number[] = [];
    for (let left = badged.length; left > 0;) {
      const outcome = await h.forge.runAsApp(() => syncStatusBadges(asApp, manifest, { maxWrites: 2 }));
      expect(outcome.put).toBeLessThanOrEqual(2);
      runs.push(outcome.put);
      left = outcome.postponed;
    }
    expect(runs.reduce((a, b) => a + b, 0)).toBe(badged.length);
    expect(await h.forge.runAsApp(() => syncStatusBadges(asApp, manifest))).toEqual({
      put: 0,
      deleted: 0,
      failed: 0,
      postponed: 0,
    });
  });

  it('sent only requests and got only replies the OpenAPI specs allow', () => {
    const violations = propertyExchanges().flatMap((ex) =>
      [...judgeRequest(ex), ...judgeResponse(ex)].map((v) => `${ex.method} ${ex.path}: ${v}`),
    );
    expect(violations).toEqual([]);
  });
});
