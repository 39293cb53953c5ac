import { z } from 'zod';
import { detectSlips } from '../../src/domain/alerts/slip-alerts';
import { ProgramConfigSchema } from '../../src/domain/config/program-config';
import type { OpenDependency } from '../../src/domain/graph/open-dependencies';
import { JiraClient } from '../../src/jira/client';
import { forgeTransport } from '../../src/jira/forge-transport';
import { runSlipAlerts } from '../../src/services/alerts/slip-alert-run';
import { raiseSlipImpediments } from '../../src/services/alerts/slip-impediments';
import { readSlipAlerts } from '../../src/storage/slip-alerts';
import { startHarness, type Harness } from '../resolvers/harness';

function conflict(from: string, to: string): OpenDependency {
  return {
    from,
    to,
    fromTeam: from.split('-')[0] ?? '',
    toTeam: to.split('-')[0] ?? '',
    crossTeam: true,
    status: 'conflict',
    fromSprint: 'CHK Sprint 9',
    toSprint: 'PAY Sprint 8',
  };
}

const IssueTypeSchema = z.object({ name: z.string() });
const HistorySchema = z.object({
  history: z.array(z.object({ action: z.string(), to: z.string(), by: z.string() })),
});

const T1 = '2026-12-01T09:00:00.000Z';
const T2 = '2026-12-02T09:00:00.000Z';
const T3 = '2026-12-03T09:00:00.000Z';

describe('slip alerts after an analysis', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const assign = (key: string, accountId: string) => {
    const issue = [...h.emulator.state.issues.values()].find((i) => i.key === key);
    if (!issue) throw new Error(`no ${key} in the demo`);
    issue.fields.assignee = { accountId };
  };
  const configWith = (alerts: { notify?: boolean; raiseImpediment?: boolean }) =>
    ProgramConfigSchema.parse({ alerts });
  const run = (
    slips: ReturnType<typeof detectSlips>,
    nowIso: string,
    notify = true,
    raiseImpediment = false,
  ) =>
    h.forge.runAsApp(() =>
      runSlipAlerts(
        new JiraClient(forgeTransport('app')),
        slips,
        configWith({ notify, raiseImpediment }),
        nowIso,
      ),
    );
  const impediments = () =>
    [...h.emulator.state.issues.values()].filter(
      (i) => IssueTypeSchema.safeParse(i.fields.issuetype).data?.name === 'Impediment',
    );
  const blockersOf = (key: string) => {
    const id = [...h.emulator.state.issues.values()].find((i) => i.key === key)?.id;
    const keyOf = (issueId: string) => h.emulator.state.issues.get(issueId)?.key;
    return [...h.emulator.state.links.values()].filter((l) => l.toId === id).map((l) => keyOf(l.fromId));
  };

  it('records, notifies both assignees once, and resolves the alert when the conflict clears', async () => {
    // The first analysis is the baseline: what slips already raises nothing.
    expect(await run([], T1)).toMatchObject({ raised: 0, notified: 0 });
    assign('PAY-3', 'cpo');
    assign('CHK-3', 'alice');
    const slips = detectSlips([conflict('CHK-3', 'PAY-3')], []);
    const before = h.emulator.state.notifications.length;
    expect(await run(slips, T2)).toMatchObject({ raised: 1, open: 1, notified: 2 });
    expect(h.emulator.state.notifications.slice(before)).toEqual([
      expect.objectContaining({ issueKey: 'PAY-3', users: ['cpo'] }),
      expect.objectContaining({ issueKey: 'CHK-3', users: ['alice'] }),
    ]);
    // The next analysis sees the same slip: no second alert, no second mail.
    expect(await run(slips, T3)).toMatchObject({ raised: 0, open: 1, notified: 0 });
    expect(h.emulator.state.notifications).toHaveLength(before + 2);
    const stored = await h.forge.runAsApp(readSlipAlerts);
    expect(stored?.body.open.map((a) => [a.id, a.raisedAt])).toEqual([['dep:CHK-3>PAY-3', T2]]);
    expect(await run([], T3)).toMatchObject({ raised: 0, resolved: 1, open: 0 });
    const after = await h.forge.runAsApp(readSlipAlerts);
    expect(after?.body.resolved[0]).toMatchObject({ id: 'dep:CHK-3>PAY-3', resolvedAt: T3 });
  });

  it('sends nothing when alerts.notify is off', async () => {
    const before = h.emulator.state.notifications.length;
    const outcome = await run(detectSlips([conflict('CHK-4', 'PAY-4')], []), T3, false);
    expect(outcome).toMatchObject({ raised: 1, notified: 0 });
    expect(h.emulator.state.notifications).toHaveLength(before);
  });

  it('raises one Impediment at the Scrum of Scrums that blocks the dependant, once per alert', async () => {
    const before = impediments().map((i) => i.key);
    const slips = detectSlips([conflict('CHK-5', 'PAY-5')], []);
    const outcome = await run(slips, T3, false, true);
    expect(outcome).toMatchObject({ raised: 1, notified: 0 });
    expect(outcome?.impediments).toHaveLength(1);
    const created = impediments().filter((i) => !before.includes(i.key));
    expect(created.map((i) => i.key)).toEqual(outcome?.impediments);
    const [impediment] = created;
    expect(impediment?.projectKey).toBe('PAY');
    expect(blockersOf('PAY-5')).toContain(impediment?.key);
    // Its history says raised at Team and escalated to the Scrum of Scrums, by the app's slip alert.
    const history = HistorySchema.parse(impediment?.properties.get('metascrum.escalation'));
    expect(history.history.map((m) => [m.action, m.to, m.by])).toEqual([
      ['raise', 'Team', 'app:slip-alert'],
      ['escalate', 'Scrum of Scrums', 'app:slip-alert'],
    ]);
    // The same slip in the next analysis raises nothing; a retried run of the same alert neither.
    expect(await run(slips, T3, false, true)).toMatchObject({ raised: 0, impediments: [] });
    const stored = await h.forge.runAsApp(readSlipAlerts);
    const alert = stored?.body.open.find((a) => a.id === 'dep:CHK-5>PAY-5');
    if (!alert) throw new Error('the alert was not recorded');
    const retried = await h.forge.runAsApp(() =>
      raiseSlipImpediments(
        new JiraClient(forgeTransport('app')),
        configWith({ raiseImpediment: true }),
        [alert],
        Date.parse(T3),
      ),
    );
    expect(retried).toEqual({ created: [], existing: 1, failed: 0 });
    expect(impediments()).toHaveLength(before.length + 1);
  });

  it('raises no impediment when alerts.raiseImpediment is off', async () => {
    const before = impediments().length;
    const outcome = await run(detectSlips([conflict('CHK-6', 'PAY-6')], []), T3, false, false);
    expect(outcome).toMatchObject({ raised: 1, impediments: [] });
    expect(impediments()).toHaveLength(before);
  });
});
