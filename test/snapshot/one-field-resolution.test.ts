import { analyseProgram } from '../../src/domain/analyse-program';
import { readManifest, readMeta } from '../../src/storage/snapshot-store';
import { DEMO_NOW } from '../../dev/emulator/demo/demo-facts';
import { startHarness, type Harness } from '../resolvers/harness';

describe('one field resolution for the app and the report CLI', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.buildSnapshot();
  });
  afterAll(() => h.close());

  it('stores with the snapshot the resolution the report CLI reaches from the same site', async () => {
    const meta = await h.forge.runAsApp(async () => {
      const manifest = await readManifest();
      if (!manifest) throw new Error('no snapshot');
      return readMeta(manifest);
    });
    const report = analyseProgram(h.dataset, {}, { now: DEMO_NOW });
    expect(meta.fieldResolution?.fields).toEqual(report.fields);
    expect(meta.fieldResolution?.fields[0]).toEqual(
      expect.objectContaining({ role: 'storyPoints', id: 'customfield_10016', source: 'board' }),
    );
  });
});
