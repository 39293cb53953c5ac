import { analyseProgram } from '../../src/domain/analyse-program';
import { reportJson } from '../../dev/report/report-json';
import { DEMO_NOW } from '../../dev/emulator/demo/demo-facts';
import { LEGACY_FACTS, LEGACY_FIELD, legacySiteProgram } from '../../dev/emulator/demo/legacy-site';
import { startHarness, type Harness } from './emulator-harness';

describe('a long-lived company-managed site, read as it is', () => {
  const dataset = legacySiteProgram();
  const a = analyseProgram(dataset, {}, { now: DEMO_NOW });

  it("reads story points from the board's estimation field, though both fields exist", () => {
    expect(a.fields[0]).toEqual(
      expect.objectContaining({ role: 'storyPoints', id: LEGACY_FIELD.storyPoints, source: 'board' }),
    );
    const points = LEGACY_FACTS.stories.map((key) => a.readiness.find((r) => r.key === key)?.points);
    expect(points).toEqual([...LEGACY_FACTS.points]);
  });

  it('ties stories to their epic through Epic Link, and says so', () => {
    const epics = LEGACY_FACTS.stories.map((key) => a.readiness.find((r) => r.key === key)?.epicKey);
    expect(epics).toEqual([LEGACY_FACTS.epic, LEGACY_FACTS.epic, LEGACY_FACTS.epic]);
    expect(a.parentSources['epic-link']).toBe(3);
    expect(a.warnings).toContain(
      `3 item(s) have no parent; their epic was read from epicLink (${LEGACY_FIELD.epicLink})`,
    );
  });

  it('counts the flagged item as an open team-level impediment', () => {
    expect(a.impediments.open).toEqual([
      expect.objectContaining({ key: LEGACY_FACTS.flagged, source: 'flag', level: 'Team' }),
    ]);
  });

  it('makes a dependency of the "depends upon" type', () => {
    expect(a.dependencies.map((d) => [d.from, d.to])).toEqual([[...LEGACY_FACTS.dependency]]);
    expect(a.linkTypes.find((t) => t.name === 'Dependency')?.dependency).toBe('prerequisite is the source');
  });

  it('estimates the undated sprint of a board with no active sprint from now, not from 2021', () => {
    const dependency = a.dependencies[0];
    expect(dependency?.fromSprint).toBe(LEGACY_FACTS.undatedSprint);
    // Estimated from now to now + 14 days, it ends after LEG's active sprint (now + 11 days): late.
    // Anchored at the 2021 sprints instead, it would have ended years before: "healthy".
    expect(dependency?.status).toBe('conflict');
  });
});

describe('the emulator serves the legacy site as Jira does', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(legacySiteProgram());
  });
  afterAll(() => h.emulator.close());

  it("answers board/{id}/configuration with the board's estimation field", async () => {
    const res = await h.call('GET', '/rest/agile/1.0/board/1/configuration');
    expect(res.status).toBe(200);
    expect(res.json).toEqual(
      expect.objectContaining({
        id: 1,
        location: { type: 'project', projectKeyOrId: '10001' },
        estimation: {
          type: 'field',
          field: { fieldId: LEGACY_FIELD.storyPoints, displayName: 'Story Points' },
        },
      }),
    );
  });
});

describe('the report of a site whose teams estimate in different fields', () => {
  it('lists the project that reads another story-point field, with its source', () => {
    const dataset = legacySiteProgram();
    const other = 'customfield_10016';
    dataset.boards = dataset.boards.map((b) =>
      b.location.projectKey === 'OLD'
        ? {
            ...b,
            estimation: { type: 'field', field: { fieldId: other, displayName: 'Story point estimate' } },
          }
        : b,
    );
    const report = reportJson(analyseProgram(dataset, {}, { now: DEMO_NOW }));
    expect(report.fields.filter((f) => f.role === 'storyPoints')).toEqual([
      expect.objectContaining({ id: LEGACY_FIELD.storyPoints, source: 'board' }),
      expect.objectContaining({ project: 'OLD', id: other, source: 'board' }),
    ]);
    expect(report.warnings).toContain(
      'storyPoints in OLD: Story Points (customfield_10026) carries 1 value(s) but Story point estimate (customfield_10016) is read (board)',
    );
  });
});
