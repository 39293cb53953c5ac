import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProgramAnalyser } from '../../src/domain/analyse-program';
import type { ProgramConfigInput } from '../../src/domain/config/program-config';
import { JiraIssueSchema } from '../../src/jira/schemas';
import { z } from 'zod';

/**
 * Four issues recorded from the Cloud site improvingflow.atlassian.net by jirametrics (provenance in
 * test/fixtures/real-jira/README.md), each fetched alone with `expand=changelog` (REST v2). They are
 * the corpus's only recordings with issue links between two issues and with the Flagged field set:
 * SP-14 "blocks" SP-15 (recorded on both ends, as Jira mirrors a link), SP-15 "clones" SP-13, SP-15
 * is flagged "Impediment" while in progress, and SP-10 was flagged and unflagged before it was done.
 * No field catalog was recorded on that site, so the Flagged, points and sprint fields are named in
 * the config, as an admin would name them.
 */
const DIR = join(__dirname, '../fixtures/real-jira');
const issue = (key: string): unknown =>
  JSON.parse(readFileSync(join(DIR, `jirametrics-${key}.json`), 'utf8'));
const KEYS = ['SP-10', 'SP-13', 'SP-14', 'SP-15'];
const NOW = Date.parse('2026-11-20T09:00:00Z');
const CONFIG: ProgramConfigInput = {
  fields: { flagged: 'customfield_10021', storyPoints: 'customfield_10036', sprint: 'customfield_10020' },
};
const LINK_TYPES = [
  { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
];

function analyser() {
  return new ProgramAnalyser(CONFIG, { issueLinkTypes: LINK_TYPES }).addIssues(KEYS.map(issue));
}

describe('jirametrics: linked and flagged issues of improvingflow.atlassian.net', () => {
  it('passes the gateway schema with each issue’s links and changelog', () => {
    const sp15 = JiraIssueSchema.parse(issue('SP-15'));
    expect(sp15.key).toBe('SP-15');
    for (const key of KEYS) expect(JiraIssueSchema.parse(issue(key)).key).toBe(key);
  });

  it('reads one "blocks" edge from the two mirrored link entries, and never a "clones" edge', () => {
    const model = analyser().model(NOW);
    const keyOf = (i: number) => model.items[i]?.key;
    expect(model.links.map((l) => [keyOf(l.from), keyOf(l.to), l.linkType])).toEqual([
      ['SP-14', 'SP-15', 'Blocks'],
    ]);
  });

  it('reads the flag, the sprint and the points of each issue', () => {
    const model = analyser().model(NOW);
    const item = (key: string) => model.items[model.indexOf.get(key) ?? -1];
    expect(item('SP-15')).toMatchObject({
      flagged: true,
      done: false,
      points: 13,
      statusName: 'Selected for Development',
    });
    // SP-10's changelog shows a flag set and then cleared; today's value is null.
    expect(item('SP-10')).toMatchObject({ flagged: false, done: true });
    expect(item('SP-14')).toMatchObject({ flagged: false, done: true, points: 14, sprintIds: [3] });
    expect(model.sprints.get(3)).toMatchObject({ name: 'Scrum Sprint 3', state: 'active', boardId: 2 });
  });

  it('counts the open flagged issue as a Team-level impediment that fails readiness', () => {
    const a = analyser().analyse({ now: NOW });
    expect(a.impediments.open.map((o) => [o.key, o.source, o.level])).toEqual([['SP-15', 'flag', 'Team']]);
    const rule = a.readiness.find((r) => r.key === 'SP-15')?.rules.find((r) => r.id === 'no-open-impediment');
    expect(rule).toMatchObject({ pass: false, reason: 'blocked by open impediment SP-15 (flagged)' });
  });

  it('holds no open dependency on the done prerequisite, and one once it is reopened', () => {
    expect(analyser().analyse({ now: NOW }).dependencies).toEqual([]);
    // The same recording with SP-14 back in progress: the edge it carries becomes an open dependency.
    const reopened = z
      .looseObject({
        fields: z.looseObject({ status: z.looseObject({ statusCategory: z.looseObject({}) }) }),
      })
      .parse(issue('SP-14'));
    reopened.fields.status.statusCategory = { id: 4, key: 'indeterminate', name: 'In Progress' };
    const a = new ProgramAnalyser(CONFIG, { issueLinkTypes: LINK_TYPES })
      .addIssues(KEYS.map((key) => (key === 'SP-14' ? reopened : issue(key))))
      .analyse({ now: NOW });
    expect(a.dependencies.map((d) => [d.from, d.to])).toEqual([['SP-14', 'SP-15']]);
  });
});
