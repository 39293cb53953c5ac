import { DEMO_FACTS } from '../../dev/emulator/demo/demo-facts';
import { dataOf, startHarness, type Harness } from './harness';

describe('gadget/getOverview through Forge dispatch', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.buildSnapshot();
  });
  afterAll(() => h.close());

  const gadget = { type: 'jira:dashboardGadget' };

  it('adds the teams up into the totals and lists the open cross-team blockers', async () => {
    const overview = dataOf(await h.call('gadget/getOverview', { config: {} }, 'cpo', gadget));
    const sum = (pick: (t: (typeof overview.teams)[number]) => number) =>
      overview.teams.reduce((n, t) => n + pick(t), 0);
    expect(overview.totals).toEqual({
      epics: sum((t) => t.epics),
      openItems: sum((t) => t.openItems),
      doneItems: sum((t) => t.doneItems),
    });
    const [prerequisite, dependant] = DEMO_FACTS.conflicts[0];
    expect(overview.openBlockers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          blocker: expect.objectContaining({ key: prerequisite }),
          blocked: expect.objectContaining({ key: dependant }),
          crossTeam: true,
        }),
      ]),
    );
    const [done, waiting] = DEMO_FACTS.donePrerequisite;
    expect(overview.openBlockers.some((b) => b.blocker.key === done && b.blocked.key === waiting)).toBe(
      false,
    );
  });

  it('narrows to the configured projects and uses the configured title', async () => {
    const overview = dataOf(
      await h.call(
        'gadget/getOverview',
        { config: { title: 'Payments view', projectKeys: ['PAY'] } },
        'cpo',
        gadget,
      ),
    );
    expect(overview.title).toBe('Payments view');
    expect(overview.teams.map((t) => t.projectKey)).toEqual(['PAY']);
  });

  it('cannot widen what a user may see through its configuration', async () => {
    const overview = dataOf(
      await h.call('gadget/getOverview', { config: { projectKeys: ['PAY', 'MOB'] } }, 'dev-mob', gadget),
    );
    expect(overview.teams.map((t) => t.projectKey)).toEqual(['MOB']);
    expect(JSON.stringify(overview)).not.toMatch(/"PAY-\d+"/);
  });
});
