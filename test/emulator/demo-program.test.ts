import { EmulatorState } from '../../dev/emulator';
import { DEMO_FACTS } from '../../dev/emulator/demo/demo-facts';
import { issueFacts } from '../../dev/emulator/state/stored-issue';
import { at, demoDataset, list, searchKeys, startHarness } from './emulator-harness';

const state = new EmulatorState(demoDataset());
const issue = (key: string) => {
  const found = state.issueByKeyOrId(key);
  if (!found) throw new Error(key);
  return found;
};
const blocks = [...state.links.values()]
  .filter((l) => l.typeId === '10000')
  .map((l) => [state.issues.get(l.fromId)?.key, state.issues.get(l.toId)?.key]);

/** The current (active or future) sprint window of an issue, from its Sprint field. */
function window(key: string): { start: number; end: number } | undefined {
  const sprints = list(issue(key).fields, 'customfield_10020').filter((s) => at(s, 'state') !== 'closed');
  const s = sprints[0];
  return s === undefined
    ? undefined
    : { start: Date.parse(String(at(s, 'startDate'))), end: Date.parse(String(at(s, 'endDate'))) };
}

/** DOMAIN.md's sprint-order status of an open edge A -> B. */
function sprintOrder(a: string, b: string): string {
  const wa = window(a);
  const wb = window(b);
  if (!wa && !wb) return 'unplanned';
  if (!wa) return 'conflict';
  if (!wb) return 'healthy';
  if (wa.end > wb.end) return 'conflict';
  return wa.end <= wb.start ? 'healthy' : 'at-risk';
}

describe('the demo program', () => {
  it('has 5 teams, 40 epics, 400 backlog items, sub-tasks and impediments', () => {
    expect(state.projects.map((p) => p.key)).toEqual(['PAY', 'CHK', 'SRCH', 'MOB', 'PLAT']);
    const levels = [...state.issues.values()].map((i) => issueFacts.typeName(i));
    expect(levels.filter((t) => t === 'Epic')).toHaveLength(40);
    expect(levels.filter((t) => ['Story', 'Task', 'Bug'].includes(t))).toHaveLength(400);
    expect(levels.filter((t) => t === 'Sub-task')).toHaveLength(20);
    expect(levels.filter((t) => t === 'Impediment')).toHaveLength(8);
    expect(state.sprints.filter((s) => s.state === 'active')).toHaveLength(5);
  });

  it('contains the Blocks cycle across three teams', () => {
    const [a, b, c] = DEMO_FACTS.cycle;
    expect(blocks).toEqual(
      expect.arrayContaining([
        [a, b],
        [b, c],
        [c, a],
      ]),
    );
  });

  it('has the documented sprint-order conflicts, at-risk and healthy edges', () => {
    for (const [a, b] of DEMO_FACTS.conflicts) {
      expect(blocks).toContainEqual([a, b]);
      expect(sprintOrder(a, b)).toBe('conflict');
    }
    expect(DEMO_FACTS.atRisk.map(([a, b]) => sprintOrder(a, b))).toEqual(['at-risk']);
    expect(DEMO_FACTS.healthy.map(([a, b]) => sprintOrder(a, b))).toEqual(['healthy']);
    expect(issueFacts.statusCategory(issue(DEMO_FACTS.donePrerequisite[0]))).toBe('done');
  });

  it('has stories failing each readiness rule', () => {
    const r = DEMO_FACTS.readinessFailures;
    expect(issue(r.noDescription).fields.description).toBeUndefined();
    expect(issue(r.noAcceptanceCriteria).fields.customfield_10030).toBeUndefined();
    expect(issue(r.unestimated).fields.customfield_10016).toBeUndefined();
    expect(issue(r.tooBig).fields.customfield_10016).toBe(21);
    expect(issue(r.noParentEpic).fields.parent).toBeUndefined();
    expect(issue(DEMO_FACTS.htmlSummaryKey).fields.summary).toBe(DEMO_FACTS.htmlSummary);
  });

  it('has impediments at every escalation level with their history', () => {
    for (const imp of DEMO_FACTS.impediments) {
      const stored = issue(imp.key);
      expect(at(stored.fields, 'customfield_10060', 'value')).toBe(imp.level);
      expect(at(stored.properties.get('metascrum.escalation'), 'history')).toEqual(
        expect.arrayContaining([expect.objectContaining({ to: imp.level })]),
      );
    }
    const levels = new Set(DEMO_FACTS.impediments.map((i) => i.level));
    expect(levels.size).toBe(4);
  });

  it('gives each user the documented visibility', async () => {
    const h = await startHarness();
    try {
      const teamsSeen = async (as: string) =>
        [...new Set((await searchKeys(h, 'issuetype = Epic', as)).map((k) => k.split('-')[0]))].sort();
      expect(await teamsSeen('admin')).toEqual(['CHK', 'MOB', 'PAY', 'PLAT', 'SRCH']);
      expect(await teamsSeen('cpo')).toEqual(['CHK', 'MOB', 'PAY', 'PLAT', 'SRCH']);
      expect(await teamsSeen('po-pay')).toEqual(['CHK', 'PAY']);
      expect(await teamsSeen('dev-mob')).toEqual(['MOB']);
      expect(await teamsSeen('outsider')).toEqual([]);
    } finally {
      await h.emulator.close();
    }
  });
});
