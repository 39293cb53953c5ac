import { onImpedimentSchedule } from '../../src/index';
import { autoEscalate } from '../../src/services/impediments/auto-escalation';
import { JiraClient } from '../../src/jira/client';
import { forgeTransport } from '../../src/jira/forge-transport';
import { parseProgramConfig } from '../../src/domain/config/program-config';
import { judgeRequest, judgeResponse } from '../contract/openapi-judge';
import { searchKeys } from '../emulator/emulator-harness';
import { dataOf, startHarness, type Harness } from '../resolvers/harness';

const DEMO_NOW = Date.parse('2026-11-20T09:00:00Z');
const PROGRAM = ['PAY', 'CHK', 'SRCH', 'MOB', 'PLAT'];

describe('escalate, de-escalate and resolve through Forge dispatch', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    // A user who may browse every project but edit none.
    h.emulator.state.users.push({
      accountId: 'viewer',
      displayName: 'Vera Viewer',
      emailAddress: 'viewer@metascrum-demo.example',
      active: true,
      admin: false,
      browse: '*',
      edit: [],
    });
  });
  afterAll(() => h.close());

  const commentsOn = (key: string) => h.emulator.state.issueByKeyOrId(key)?.comments ?? [];
  const move = (
    issueKey: string,
    requestId: string,
    expectedVersion: number,
    reason = 'Needs the other teams',
  ) => ({
    issueKey,
    reason,
    requestId,
    expectedVersion,
  });

  it('shows an impediment with its level, SLA and history, and no impediment for a story', async () => {
    const { impediment } = dataOf(await h.call('impediment/get', { issueKey: 'MOB-93' }, 'dev-mob'));
    expect(impediment).toMatchObject({
      level: 'Scrum of Scrums',
      slaDays: 3,
      canEdit: true,
      resolved: false,
    });
    expect(impediment?.history.map((m) => m.action)).toEqual(['raise', 'escalate']);
    expect(impediment?.history[0]?.byName).toBe(
      h.dataset.users.find((u) => u.accountId === 'po-pay')?.displayName,
    );
    expect(dataOf(await h.call('impediment/get', { issueKey: 'PAY-12' }, 'cpo')).impediment).toBeNull();
  });

  it('escalates once however often the same request is replayed: one move, one comment', async () => {
    const before = dataOf(await h.call('impediment/get', { issueKey: 'PAY-93' }, 'cpo')).impediment;
    const version = before?.version ?? 0;
    const comments = commentsOn('PAY-93').length;
    const replies = [];
    for (let i = 0; i < 3; i++)
      replies.push(
        dataOf(await h.call('impediment/escalate', move('PAY-93', 'req-pay-93-a', version), 'cpo')),
      );
    expect(replies.map((r) => r.outcome)).toEqual(['applied', 'already-applied', 'already-applied']);
    expect(replies[2]?.impediment).toMatchObject({ level: 'Scrum of Scrums', version: version + 1 });
    expect(commentsOn('PAY-93')).toHaveLength(comments + 1);
    // Visible on the issue (the select field) and searchable with JQL.
    expect(h.emulator.state.issueByKeyOrId('PAY-93')?.fields.customfield_10060).toMatchObject({
      value: 'Scrum of Scrums',
    });
    expect(
      await searchKeys(
        { emulator: h.emulator, exchanges: [], call: callAsApp(h) },
        '"Escalation level" = "Scrum of Scrums" AND project = PAY',
      ),
    ).toEqual(['PAY-93']);
  });

  it('refuses a move on a version that changed since the user loaded it', async () => {
    const reply = dataOf(await h.call('impediment/deEscalate', move('PAY-93', 'req-pay-93-stale', 0), 'cpo'));
    expect(reply.outcome).toBe('conflict');
    expect(reply.message).toContain('changed since you loaded it');
  });

  it('de-escalates and resolves, moving the issue to a done status', async () => {
    const v = dataOf(await h.call('impediment/get', { issueKey: 'PAY-93' }, 'cpo')).impediment?.version ?? 0;
    expect(
      dataOf(await h.call('impediment/deEscalate', move('PAY-93', 'req-pay-93-b', v), 'cpo')).impediment
        .level,
    ).toBe('Team');
    const resolved = dataOf(
      await h.call(
        'impediment/resolve',
        move('PAY-93', 'req-pay-93-c', v + 1, 'Card processor fixed it'),
        'po-pay',
      ),
    );
    expect(resolved.impediment).toMatchObject({
      resolved: true,
      actions: { escalate: false, deEscalate: false, resolve: false },
    });
    expect(h.emulator.state.issueByKeyOrId('PAY-93')?.fields.status).toMatchObject({
      statusCategory: { key: 'done' },
    });
  });

  it('refuses users who cannot edit the issue (checked as the user) and hides it from those who cannot browse it', async () => {
    const refused = await h.call('impediment/escalate', move('CHK-93', 'req-viewer-1', 1), 'viewer');
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.call('impediment/escalate', move('CHK-93', 'req-devmob-1', 1), 'dev-mob')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(dataOf(await h.call('impediment/get', { issueKey: 'CHK-93' }, 'viewer')).impediment?.canEdit).toBe(
      false,
    );
  });

  it.each([
    [{ issueKey: 'pay-93', reason: 'why not', requestId: 'req-000001', expectedVersion: 1 }, 'issueKey'],
    [{ issueKey: 'PAY-93', reason: ' ', requestId: 'req-000001', expectedVersion: 1 }, 'reason'],
    [{ issueKey: 'PAY-93', reason: 'because', requestId: 'x', expectedVersion: 1 }, 'requestId'],
    [
      { issueKey: 'PAY-93', reason: 'because', requestId: 'req-000001', expectedVersion: -1 },
      'expectedVersion',
    ],
  ])('names the bad field of a bad payload (%j)', async (payload, field) => {
    expect(await h.call('impediment/escalate', payload, 'cpo')).toMatchObject({
      ok: false,
      error: { code: 'BAD_PAYLOAD', field },
    });
  });

  it('refuses to treat a story as an impediment, naming issueKey', async () => {
    expect(await h.call('impediment/escalate', move('PAY-12', 'req-story-1', 0), 'cpo')).toMatchObject({
      ok: false,
      error: { code: 'BAD_PAYLOAD', field: 'issueKey' },
    });
  });

  it('auto-escalates what passed its SLA once, however often the schedule runs', async () => {
    const asApp = () => new JiraClient(forgeTransport('app'));
    const config = parseProgramConfig({ projects: PROGRAM });
    const comments = () => ['CHK-93', 'MOB-93', 'PAY-94'].map((k) => commentsOn(k).length);
    const before = comments();
    const reports = [];
    for (let i = 0; i < 3; i++)
      reports.push(await h.forge.runAsApp(() => autoEscalate(asApp(), config, PROGRAM, DEMO_NOW)));
    expect(reports[0]?.escalated.sort()).toEqual(['CHK-93', 'MOB-93', 'PAY-94']);
    expect(reports[1]?.escalated).toEqual([]);
    expect(reports[2]?.escalated).toEqual([]);
    expect(comments()).toEqual(before.map((n) => n + 1));
    const level = (key: string) => h.emulator.state.issueByKeyOrId(key)?.fields.customfield_10060;
    expect(level('CHK-93')).toMatchObject({ value: 'Scrum of Scrums' });
    expect(level('PAY-94')).toMatchObject({ value: 'Executive Action Team' });
    await h.forge.runAsApp(() => onImpedimentSchedule());
  });

  it('lets a person and the schedule act at the same moment: one move, one comment', async () => {
    const asApp = new JiraClient(forgeTransport('app'));
    const config = parseProgramConfig({ projects: PROGRAM });
    const v = dataOf(await h.call('impediment/get', { issueKey: 'PLAT-93' }, 'cpo')).impediment?.version ?? 0;
    const comments = commentsOn('PLAT-93').length;
    const later = DEMO_NOW + 10 * 86_400_000;
    const [person, schedule] = await Promise.all([
      h.call('impediment/escalate', move('PLAT-93', 'req-plat-93-a', v), 'cpo'),
      h.forge.runAsApp(() => autoEscalate(asApp, config, ['PLAT'], later)),
    ]);
    const moved = [dataOf(person).outcome === 'applied', schedule.escalated.includes('PLAT-93')].filter(
      Boolean,
    );
    expect(moved.length).toBeLessThanOrEqual(1);
    const after = dataOf(await h.call('impediment/get', { issueKey: 'PLAT-93' }, 'cpo')).impediment;
    expect(after?.version).toBe(v + moved.length);
    expect(commentsOn('PLAT-93')).toHaveLength(comments + moved.length);
    expect(moved).toHaveLength(1);
  });

  it('serves the backlogs per level and the metrics, filtered to what the user may browse', async () => {
    const all = dataOf(await h.call('impediment/listBacklogs', {}, 'cpo'));
    expect(all.levels.map((l) => l.level)).toEqual([
      'Team',
      'Scrum of Scrums',
      'Scrum of Scrums of Scrums',
      'Executive Action Team',
    ]);
    const eat = dataOf(await h.call('impediment/listBacklogs', { levels: ['Executive Action Team'] }, 'cpo'));
    expect(eat.levels).toHaveLength(1);
    expect(eat.levels[0]?.items.map((i) => i.key)).toContain('CHK-94');
    // The EAT's own backlog: its level first, then what breached its SLA lower down the ladder.
    expect(eat.executive.level).toBe('Executive Action Team');
    // Earlier tests here escalate what breached (auto-escalation), so derive the expectation from the levels.
    const top = all.levels.at(-1)?.items.map((i) => i.key) ?? [];
    const breachedBelow = all.levels
      .slice(0, -1)
      .flatMap((l) => l.items.filter((i) => i.slaStatus === 'breached').map((i) => i.key));
    expect(top).toContain('CHK-94');
    expect(eat.executive.items.map((i) => i.key).sort()).toEqual([...top, ...breachedBelow].sort());
    expect(eat.executive.items.slice(0, top.length).every((i) => i.level === 'Executive Action Team')).toBe(
      true,
    );
    const mob = dataOf(await h.call('impediment/listBacklogs', {}, 'dev-mob'));
    expect(mob.levels.flatMap((l) => l.items.map((i) => i.projectKey))).toEqual(['MOB']);
    const mobItems = mob.levels.flatMap((l) => l.items);
    expect(mobItems.find((i) => i.key === 'MOB-93')?.blocks).toEqual(['MOB-45']);
    expect(mobItems.flatMap((i) => i.blocks).every((key) => key.startsWith('MOB-'))).toBe(true);
    expect(mob.executive.items.every((i) => i.projectKey === 'MOB')).toBe(true);
    const metrics = dataOf(await h.call('impediment/getMetrics', {}, 'cpo'));
    expect(metrics.open).toBeGreaterThan(0);
    expect(metrics.resolvedLast30Days).toBeGreaterThanOrEqual(1);
    expect(metrics.trend).toHaveLength(4);
    expect(await h.call('impediment/listBacklogs', { levels: 'EAT' }, 'cpo')).toMatchObject({
      ok: false,
      error: { field: 'levels' },
    });
  });

  it('sent and received only what the Jira OpenAPI specs allow', () => {
    const violations = h.exchanges.flatMap((ex) =>
      [...judgeRequest(ex), ...judgeResponse(ex)].map((v) => `${ex.method} ${ex.path}: ${v}`),
    );
    expect(violations).toEqual([]);
  });
});

/** The emulator harness's `call` shape, as the app, for `searchKeys`. */
function callAsApp(h: Harness) {
  return async (method: string, path: string, opts: { body?: unknown } = {}) => {
    const res = await fetch(`${h.emulator.url}${path}`, {
      method,
      headers: { authorization: 'Bearer app', 'content-type': 'application/json' },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const text = await res.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    return {
      status: res.status,
      headers: res.headers,
      text,
      json: parsed,
    };
  };
}
