import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ProgramAnalyser } from '../../src/domain/analyse-program';
import { analyseModel } from '../../src/domain/analyse-model';
import type { ProgramConfigInput } from '../../src/domain/config/program-config';
import { fieldMapOf, resolvedFieldIds } from '../../src/domain/config/field-resolution';
import type { FieldMap } from '../../src/domain/config/field-roles';
import { JiraClient } from '../../src/jira/client';
import { forgeTransport } from '../../src/jira/forge-transport';
import { RawIssueSchema, type RawIssue } from '../../src/jira/schemas';
import { searchRawIssues } from '../../src/jira/search';
import { fieldsToRequest, toStoredIssue } from '../../src/services/snapshot/compact-issue';
import { resolutionOf } from '../../src/services/snapshot/program-meta';
import { propertiesToRequest } from '../../src/services/snapshot/snapshot-properties';
import { readManifest, readMeta } from '../../src/storage/snapshot-store';
import { ISSUE_SHAPE } from '../../src/services/snapshot/issue-shape';
import { DEMO_NOW_MS } from '../doubles/pinned-clock';
import { runJob } from '../gateway/job-runner';
import { dataOf, startHarness, type Harness } from '../resolvers/harness';

type AnalyserInput = ConstructorParameters<typeof ProgramAnalyser>[1];

/** The engine's model and analysis of `issues`, as the consumer runs it. */
function analysed(issues: readonly unknown[], config: ProgramConfigInput, input: AnalyserInput) {
  const analyser = new ProgramAnalyser(config, input).addIssues(issues);
  const model = analyser.model(DEMO_NOW_MS);
  const analysis = analyseModel(model, analyser.config, {
    nowMs: DEMO_NOW_MS,
    epicOrder: [],
    linkTypes: analyser.linkTypes,
    warnings: analyser.linkTypeWarnings,
  });
  // `trail` is a function over the same model (equal models give equal trails).
  const results: Record<string, unknown> = { ...analysis };
  delete results.trail;
  return { model, analysis: results };
}

const stored = (issues: readonly RawIssue[], fieldMap: FieldMap) =>
  issues.map((issue) => toStoredIssue(issue, fieldMap));

/**
 * The snapshot stores each issue in a compact shape (services/snapshot/issue-shape.ts), not Jira's
 * reply: the engine must read the same program from it as from the reply itself.
 */
describe('the compact stored issue', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.buildSnapshot();
  });
  afterAll(() => h.close());

  it('gives the demo program the same model and analysis as the issues Jira sent, in less space', async () => {
    const { raw, meta } = await h.forge.runAsApp(async () => {
      const manifest = await readManifest();
      if (!manifest) throw new Error('no snapshot');
      const meta = await readMeta(manifest);
      const fields = fieldsToRequest(resolvedFieldIds(resolutionOf(meta)));
      const client = new JiraClient(forgeTransport('app'));
      const jql = `project in (${manifest.projectKeys.join(', ')}) ORDER BY key ASC`;
      return { raw: await searchRawIssues(client, jql, fields, await propertiesToRequest()), meta };
    });
    expect(raw.length).toBeGreaterThan(400);
    const input = {
      sprints: meta.sprints,
      issueLinkTypes: meta.linkTypes,
      fieldResolution: resolutionOf(meta),
    };
    const compact = stored(raw, fieldMapOf(resolutionOf(meta)));
    expect(analysed(compact, {}, input)).toEqual(analysed(raw, {}, input));
    // Version 1 (Jira's reply without URLs and empty fields) was 55% of the reply.
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(raw).length * 0.45);
  });

  it('gives the recorded replies of real Jira sites the same model and analysis as the replies', () => {
    const dir = join(__dirname, '../fixtures/real-jira');
    const Page = z.looseObject({ issues: z.array(z.unknown()) });
    let compared = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const json: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      const page = Page.safeParse(json);
      const items = page.success ? page.data.issues : [json];
      const raw = items.flatMap((item) => {
        const issue = RawIssueSchema.safeParse(item);
        return issue.success && issue.data.fields ? [issue.data] : [];
      });
      if (raw.length === 0) continue;
      // Their sites' acceptance-criteria field is unknown: the description carries the heading.
      for (const config of [{}, { readiness: { acceptanceCriteriaHeading: 'Given' } }]) {
        expect({ file, ...analysed(stored(raw, {}), config, {}) }).toEqual({
          file,
          ...analysed(raw, config, {}),
        });
      }
      compared += raw.length;
    }
    expect(compared).toBeGreaterThanOrEqual(30);
  });

  it('serves a snapshot of the older issue shape until the next refresh, which rebuilds it in full', async () => {
    const current = await h.forge.runAsApp(readManifest);
    if (!current) throw new Error('no snapshot');
    // What a version before the compact shape stored: no issueShape in the pointer.
    const { issueShape, ...older } = current;
    expect(issueShape).toBe(ISSUE_SHAPE);
    h.forge.kvs.handle('/api/v1/set', { key: 'snapshot:pointer:v1', value: older });
    expect(dataOf(await h.call('panel/getBoard', {}, 'cpo')).rows.length).toBeGreaterThan(0);
    const run = await runJob(h, { reason: 'scheduled', mode: 'incremental' });
    expect(run.manifest).toMatchObject({ kind: 'full', issueShape: ISSUE_SHAPE });
  });
});
