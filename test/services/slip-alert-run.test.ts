import { detectSlips } from '../../src/domain/alerts/slip-alerts';
import type { OpenDependency } from '../../src/domain/graph/open-dependencies';
import { JiraClient } from '../../src/jira/client';
import { forgeTransport } from '../../src/jira/forge-transport';
import { runSlipAlerts } from '../../src/services/alerts/slip-alert-run';
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
  const run = (slips: ReturnType<typeof detectSlips>, nowIso: string, notify = true) =>
    h.forge.runAsApp(() => runSlipAlerts(new JiraClient(forgeTransport('app')), slips, { notify }, nowIso));

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
});
