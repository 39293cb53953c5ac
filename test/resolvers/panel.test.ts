import { DEMO_FACTS, DEMO_TEAMS } from '../../dev/emulator/demo/demo-facts';
import { dataOf, startHarness, type Harness } from './harness';

describe('panel/listEpics through Forge dispatch', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    h.forge.kvs.clear();
    await h.buildSnapshot();
  });

  const epicKeysIn = (projects: readonly string[]) =>
    h.dataset.issues
      .filter((i) => i.fields.issuetype.hierarchyLevel === 1 && projects.includes(i.fields.project.key))
      .map((i) => i.key)
      .sort();

  it('shows every epic of every project to a user who browses all, before any program is configured', async () => {
    const page = dataOf(await h.call('panel/listEpics', {}, 'cpo'));
    expect(page.programSource).toBe('all-visible-projects');
    expect(page.epics.map((e) => e.key).sort()).toEqual(epicKeysIn(DEMO_TEAMS.map((t) => t.key)));
    expect(page.epics.map((e) => e.programRank)).toEqual(page.epics.map((_, i) => i + 1));
    expect(page.teams.map((t) => t.projectKey).sort()).toEqual(DEMO_TEAMS.map((t) => t.key).sort());
  });

  it('counts each epic’s children as Jira has them', async () => {
    const page = dataOf(await h.call('panel/listEpics', {}, 'cpo'));
    const epic = page.epics[0];
    expect(epic).toBeDefined();
    const children = h.dataset.issues.filter(
      (i) => i.fields.parent?.key === epic?.key && i.fields.issuetype.hierarchyLevel === 0,
    );
    expect(epic?.childCount).toBe(children.length);
    expect(epic?.openChildCount).toBe(
      children.filter((c) => c.fields.status.statusCategory?.key !== 'done').length,
    );
  });

  it('leaves out the projects a user cannot browse and only counts them', async () => {
    await h.call(
      'admin/saveSettings',
      { settings: { name: 'Commerce', projectKeys: ['PAY', 'CHK', 'MOB'] } },
      'admin',
    );
    await h.buildSnapshot();
    const page = dataOf(await h.call('panel/listEpics', {}, 'po-pay'));
    expect(page.programName).toBe('Commerce');
    expect(page.epics.map((e) => e.key).sort()).toEqual(epicKeysIn(['PAY', 'CHK']));
    expect(page.hiddenProjectCount).toBe(1);
    expect(JSON.stringify(page)).not.toContain('MOB-');
  });

  it('shows an outsider nothing but the count of hidden projects', async () => {
    await h.call(
      'admin/saveSettings',
      { settings: { name: 'Commerce', projectKeys: ['PAY', 'CHK'] } },
      'admin',
    );
    await h.buildSnapshot();
    const page = dataOf(await h.call('panel/listEpics', {}, 'outsider'));
    expect(page.epics).toEqual([]);
    expect(page.teams).toEqual([]);
    expect(page.hiddenProjectCount).toBe(2);
  });

  it('returns summaries as Jira stored them (markup stays text for the UI to escape)', async () => {
    const page = dataOf(await h.call('panel/listEpics', {}, 'cpo'));
    expect(page.epics.length).toBeGreaterThan(0);
    expect(JSON.stringify(h.exchanges)).toContain(DEMO_FACTS.htmlSummaryKey);
  });

  it('refuses a payload with keys the contract does not define, naming the field', async () => {
    const reply = await h.call('panel/listEpics', { project: 'PAY' }, 'cpo');
    expect(reply).toEqual({ ok: false, error: expect.objectContaining({ code: 'BAD_PAYLOAD' }) });
  });
});
