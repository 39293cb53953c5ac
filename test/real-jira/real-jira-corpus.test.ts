import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readReportInput } from '../../dev/report/report-input';
import { analyseProgram, ProgramAnalyser } from '../../src/domain/analyse-program';
import type { ProgramConfigInput } from '../../src/domain/config/program-config';
import type { ProgramModel } from '../../src/domain/model/program-model';
import {
  IssueLinkTypesSchema,
  JiraIssueSchema,
  RawSearchPageSchema,
  SearchPageSchema,
} from '../../src/jira/schemas';

/**
 * Responses recorded from real Jira Cloud sites by other open-source projects (provenance in
 * test/fixtures/real-jira/README.md), fed through the app's reading path: the zod schemas of the Jira
 * gateway, the normaliser (through the analyser) and the report CLI's input reader. Each test asserts
 * what was read: points, parents (parent and Epic Link), sprints, link classification, done.
 */
const DIR = join(__dirname, '../fixtures/real-jira');
const recording = (file: string): unknown => JSON.parse(readFileSync(join(DIR, file), 'utf8'));
/** A fixed analysis date: nothing asserted here depends on it. */
const NOW = Date.parse('2026-11-20T09:00:00Z');

const List = z.array(z.unknown());
const Page = z.looseObject({ issues: List });
const Values = z.looseObject({ values: List });
const issuesOf = (file: string) => Page.parse(recording(file)).issues;

function modelOf(
  issues: readonly unknown[],
  input: { fields?: unknown[]; sprints?: unknown[] } = {},
  config: ProgramConfigInput = {},
): ProgramModel {
  return new ProgramAnalyser(config, input).addIssues(issues).model(NOW);
}
function itemOf(model: ProgramModel, key: string) {
  const item = model.items[model.indexOf.get(key) ?? -1];
  if (!item) throw new Error(`${key} was not read`);
  return item;
}

const SEARCH = 'go-atlassian-search-jql-sprints-points-epic-link.json';
const CATALOG = 'go-atlassian-field-catalog.json';
const catalog = () => List.parse(recording(CATALOG));

describe('go-atlassian: a search of a company-managed Cloud project (ctreminiom.atlassian.net)', () => {
  it('passes the gateway schemas, typed and raw, with every issue', () => {
    const typed = SearchPageSchema.parse(recording(SEARCH));
    expect(typed.issues).toHaveLength(18);
    expect(RawSearchPageSchema.parse(recording(SEARCH)).issues.map((i) => i.key)).toEqual(
      typed.issues.map((i) => i.key),
    );
    expect(typed.issues.find((i) => i.key === 'KP-13')?.fields?.parent?.key).toBe('KP-2');
  });

  it('reads kinds, sub-task parents, sprints from the sprint field, and no dependency edges', () => {
    const model = modelOf(issuesOf(SEARCH), { fields: catalog() });
    expect(model.items.filter((i) => !i.external)).toHaveLength(18);
    expect(itemOf(model, 'KP-16').kind).toBe('epic');
    expect(itemOf(model, 'KP-13')).toMatchObject({ kind: 'subtask', parentKey: 'KP-2' });
    expect(itemOf(model, 'KP-1')).toMatchObject({ kind: 'backlog', done: true, statusName: 'Done' });
    expect(itemOf(model, 'KP-18').sprintIds).toEqual([4]);
    expect(itemOf(model, 'KP-10').sprintIds).toEqual([3]);
    expect(itemOf(model, 'KP-12').sprintIds).toEqual([]);
    expect(model.sprints.get(3)).toMatchObject({
      name: 'KP Sprint 2',
      state: 'closed',
      boardId: 4,
      startMs: Date.parse('2021-05-01T03:34:00.000Z'),
      endMs: Date.parse('2021-05-14T03:34:00.000Z'),
      completeMs: Date.parse('2021-05-01T03:39:14.477Z'),
    });
    expect(model.sprints.get(4)).toMatchObject({ name: 'KP Sprint 3', state: 'future', boardId: 4 });
    // Every issue of this recording carries `issuelinks: []`.
    expect(model.links).toEqual([]);
  });

  it('reads the points of the field the board estimates with when the config names it', () => {
    const board = z
      .looseObject({ estimation: z.looseObject({ field: z.looseObject({ fieldId: z.string() }) }) })
      .parse(recording('go-atlassian-board-configuration.json'));
    expect(board.estimation.field.fieldId).toBe('customfield_10036');
    const model = modelOf(
      issuesOf(SEARCH),
      { fields: catalog() },
      { fields: { storyPoints: board.estimation.field.fieldId } },
    );
    expect(itemOf(model, 'KP-1').points).toBe(111);
    expect(itemOf(model, 'KP-2').points).toBeUndefined();
  });
});

describe('go-atlassian: the same site read as the app reads it, with nothing configured', () => {
  // analyseProgram counts the values each candidate field carries, as the snapshot build does.
  const analysed = () =>
    analyseProgram(
      {
        issues: issuesOf(SEARCH),
        fields: catalog(),
        boards: [recording('go-atlassian-board-configuration.json')],
      },
      {},
      { now: NOW },
    );

  it('reads story points from the field the board estimates with ("Story Points", not "Story point estimate")', () => {
    const a = analysed();
    const points = a.fields.filter((f) => f.role === 'storyPoints');
    expect(points[0]).toMatchObject({ id: 'customfield_10036', source: 'board' });
  });

  it('finds epic children linked only through Epic Link, and says so', () => {
    const model = new ProgramAnalyser({}, { fields: catalog() }).addIssues(issuesOf(SEARCH)).model(NOW);
    for (const key of ['KP-17', 'KP-18', 'KP-19'])
      expect(itemOf(model, key)).toMatchObject({ parentKey: 'KP-16', parentVia: 'epic-link' });
    expect(itemOf(model, 'KP-13')).toMatchObject({ parentKey: 'KP-2', parentVia: 'parent' });
  });

  it('needs no warning when the board settles the story-point field, and says why when values decide', () => {
    // Two candidates, but the board settles it: no guess to warn about. Without the board, the field
    // that carries values wins over the name, and the passed-over name is reported.
    expect(analysed().warnings.join('\n')).not.toMatch(/storyPoints/);
    const unboarded = analyseProgram({ issues: issuesOf(SEARCH), fields: catalog() }, {}, { now: NOW });
    expect(unboarded.fields.find((f) => f.role === 'storyPoints')).toMatchObject({
      id: 'customfield_10036',
      source: 'observed',
    });
    expect(unboarded.fields.find((f) => f.role === 'storyPoints')?.note).toMatch(/Story Points/);
  });
});

describe('go-atlassian: the field catalog (GET /rest/api/3/field)', () => {
  it('finds the sprint and rank fields by their Jira Software types', () => {
    const fields = modelOf([], { fields: catalog() }).fieldResolution.fields;
    const idOf = (role: string) => fields.find((f) => f.role === role)?.id;
    expect(idOf('sprint')).toBe('customfield_10020');
    expect(idOf('rank')).toBe('customfield_10019');
  });
});

describe('go-atlassian: sprints of a board and of one sprint (agile API)', () => {
  it('reads a future sprint from the board’s sprint list', () => {
    const { values } = Values.parse(recording('go-atlassian-board-sprints.json'));
    const model = modelOf([], { sprints: values });
    expect([...model.sprints.values()]).toEqual([
      expect.objectContaining({ id: 4, name: 'KP Sprint 3', state: 'future', boardId: 4 }),
    ]);
  });

  it('reads the issues of an active sprint with the sprint they sit in (same site’s catalog)', () => {
    const model = modelOf(issuesOf('go-atlassian-sprint-issues.json'), { fields: catalog() });
    expect(model.items.map((i) => i.key)).toEqual(['KP-10', 'KP-11', 'KP-12', 'KP-9', 'KP-8', 'KP-5']);
    for (const item of model.items) expect(item.sprintIds).toEqual([2]);
    expect(model.sprints.get(2)).toMatchObject({
      state: 'active',
      boardId: 4,
      startMs: Date.parse('2020-04-11T05:22:00.000Z'),
      endMs: Date.parse('2021-04-19T15:22:00.000Z'),
    });
  });

  it('lists boards with the id and name the app shows', () => {
    const boards = z
      .array(z.looseObject({ id: z.number().int(), name: z.string() }))
      .parse(Values.parse(recording('go-atlassian-boards.json')).values);
    expect(boards.map((b) => [b.id, b.name])).toEqual([
      [4, 'KP - Scrum'],
      [5, 'DUMMY Board Name'],
      [6, 'DUMMY Board Name'],
    ]);
  });
});

describe('go-atlassian: link types (GET /rest/api/3/issueLinkType)', () => {
  it('classifies Blocks as a dependency and never clones, duplicates, causes or relates', () => {
    const { issueLinkTypes } = IssueLinkTypesSchema.parse(recording('go-atlassian-issue-link-types.json'));
    const analysis = new ProgramAnalyser({}, { issueLinkTypes }).addIssues([]).analyse({ now: NOW });
    expect(analysis.linkTypes.map(({ name, dependency }) => ({ name, dependency }))).toEqual([
      { name: 'Blocks', dependency: 'prerequisite is the source' },
      { name: 'Cloners', dependency: null },
      { name: 'Duplicate', dependency: null },
      { name: 'Problem/Incident', dependency: null },
      { name: 'Relates', dependency: null },
    ]);
    expect(analysis.linkTypes.find((t) => t.name === 'Cloners')?.reason).toContain('never dependencies');
  });
});

describe('go-jira: issues of a sprint on a Cloud site (example.atlassian.net)', () => {
  it('reads the task and, with the site’s points field named, its 13 points', () => {
    const issues = issuesOf('go-jira-issues-in-sprint.json');
    expect(SearchPageSchema.parse(recording('go-jira-issues-in-sprint.json')).issues).toHaveLength(1);
    const model = modelOf(issues, {}, { fields: { storyPoints: 'customfield_10105' } });
    expect(itemOf(model, 'AR-86')).toMatchObject({
      kind: 'backlog',
      issueType: 'Task',
      statusName: 'Ready',
      projectKey: 'AR',
      points: 13,
      done: false,
    });
  });

  it('reads the epic through Epic Link when the config names that field (no catalog was recorded)', () => {
    const model = modelOf(
      issuesOf('go-jira-issues-in-sprint.json'),
      {},
      { fields: { storyPoints: 'customfield_10105', epicLink: 'customfield_10700' } },
    );
    expect(itemOf(model, 'AR-86')).toMatchObject({ parentKey: 'AR-37', parentVia: 'epic-link' });
  });
});

describe('Kanalyzer: issues with their changelog (kanalyzer.atlassian.net)', () => {
  it('reads a plain list of issues through the report CLI input, changelog and all', () => {
    const { input, warnings } = readReportInput(recording('kanalyzer-issues-with-changelog.json'));
    expect(warnings).toEqual([]);
    const model = modelOf([...input.issues]);
    expect(itemOf(model, 'KTD-10')).toMatchObject({
      issueType: 'Story',
      done: true,
      resolvedMs: Date.parse('2015-09-11T14:08:00.000+0200'),
    });
    expect(itemOf(model, 'KTD-1')).toMatchObject({ issueType: 'Task', statusName: 'Accept', done: false });
  });

  it('reads one issue fetched with expand=changelog', () => {
    const issue = JiraIssueSchema.parse(recording('kanalyzer-issue-with-changelog.json'));
    expect(issue.key).toBe('KTD-7');
    const model = modelOf([issue]);
    expect(itemOf(model, 'KTD-7')).toMatchObject({
      kind: 'subtask',
      statusName: 'Done',
      done: true,
      resolvedMs: Date.parse('2015-09-15T11:02:23.000+0200'),
    });
  });
});
