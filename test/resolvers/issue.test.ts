import { DEMO_FACTS } from '../../dev/emulator/demo/demo-facts';
import { dataOf, startHarness, type Harness } from './harness';

describe('issue/getDependencies through Forge dispatch', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const [cycleA, cycleB, cycleC] = DEMO_FACTS.cycle;

  it('shows both directions of a cycle member’s dependencies, flagged cross-team', async () => {
    const deps = dataOf(await h.call('issue/getDependencies', { issueKey: cycleB }, 'cpo'));
    expect(deps.issue.key).toBe(cycleB);
    expect(deps.dependencies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          direction: 'needs',
          issue: expect.objectContaining({ key: cycleA }),
          crossTeam: true,
        }),
        expect.objectContaining({
          direction: 'needed-by',
          issue: expect.objectContaining({ key: cycleC }),
          crossTeam: true,
        }),
      ]),
    );
  });

  it('never shows a linked issue from a project the user cannot browse', async () => {
    const [hiddenPrerequisite, visibleDependant] = DEMO_FACTS.hiddenLinkForDevMob;
    const asCpo = dataOf(await h.call('issue/getDependencies', { issueKey: visibleDependant }, 'cpo'));
    expect(asCpo.dependencies.map((d) => d.issue.key)).toContain(hiddenPrerequisite);
    const asDev = dataOf(await h.call('issue/getDependencies', { issueKey: visibleDependant }, 'dev-mob'));
    expect(JSON.stringify(asDev)).not.toContain(hiddenPrerequisite);
  });

  it('answers NOT_FOUND for an issue the user cannot browse, exactly as for one that does not exist', async () => {
    const hidden = await h.call('issue/getDependencies', { issueKey: cycleA }, 'dev-mob');
    const missing = await h.call('issue/getDependencies', { issueKey: 'PAY-99999' }, 'dev-mob');
    expect(hidden).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) });
    expect(missing).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) });
  });

  it('counts relates-to links without calling them dependencies', async () => {
    const [from, to] = DEMO_FACTS.relates;
    const deps = dataOf(await h.call('issue/getDependencies', { issueKey: from }, 'cpo'));
    expect(deps.otherLinkCount).toBeGreaterThanOrEqual(1);
    expect(deps.dependencies.map((d) => d.issue.key)).not.toContain(to);
  });

  it.each([
    [{ issueKey: 'pay-1' }, 'issueKey'],
    [{ issueKey: 'PAY-1) OR key is not EMPTY' }, 'issueKey'],
    [{}, 'issueKey'],
  ])('refuses the payload %j naming the field %s', async (payload, field) => {
    const reply = await h.call('issue/getDependencies', payload, 'cpo');
    expect(reply).toEqual({ ok: false, error: expect.objectContaining({ code: 'BAD_PAYLOAD', field }) });
  });
});
