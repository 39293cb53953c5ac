import { demoProgram } from '../../dev/emulator';
import { parseProgramConfig } from '../../src/domain/config/program-config';
import { onImpedimentSetup, resolver } from '../../src/index';
import { JiraClient } from '../../src/jira/client';
import { forgeTransport } from '../../src/jira/forge-transport';
import { runProvisioning } from '../../src/services/impediments/provisioning-run';
import { readProvisioning } from '../../src/storage/impediments-provisioning';
import { DEMO_NOW_MS } from '../doubles/pinned-clock';
import { judgeRequest, judgeResponse } from '../contract/openapi-judge';
import { freshSite, startSite, withTeamManagedAndScheme, type SiteHarness } from './provisioning-harness';

const LEVELS = ['Team', 'Scrum of Scrums', 'Scrum of Scrums of Scrums', 'Executive Action Team'];

function provisionAsApp(h: SiteHarness, projects: string[] = []) {
  return h.forge.runAsApp(() =>
    runProvisioning(
      new JiraClient(forgeTransport('app')),
      parseProgramConfig({ projects }),
      false,
      DEMO_NOW_MS,
    ),
  );
}

function expectSpecCompliant(h: SiteHarness) {
  const violations = h.exchanges.flatMap((ex) =>
    [...judgeRequest(ex), ...judgeResponse(ex)].map((v) => `${ex.method} ${ex.path}: ${v}`),
  );
  expect(violations).toEqual([]);
}

describe('provisioning the Impediment type and the escalation-level field', () => {
  let h: SiteHarness;
  afterEach(() => h.close());

  it('on a fresh site creates the type, the searchable select field with one option per level, and puts them in the program’s schemes', async () => {
    h = await startSite(withTeamManagedAndScheme(freshSite()));
    const { status } = await provisionAsApp(h, ['PAY', 'CHK', 'LAB']);
    const state = h.emulator.state;
    const type = state.issueTypes.filter((t) => t.name === 'Impediment' && t.scopeProjectId === undefined);
    expect(type).toHaveLength(1);
    expect(type[0]?.hierarchyLevel).toBe(0);
    const field = state.fields.find((f) => f.name === 'Escalation level');
    expect(field?.schema?.custom).toBe('com.atlassian.jira.plugin.system.customfieldtypes:select');
    expect(
      state.fieldContexts
        .filter((c) => c.fieldId === field?.id)
        .flatMap((c) => c.options.map((o) => o.value)),
    ).toEqual(LEVELS);
    expect(state.schemes.find((s) => s.id === '10300')?.issueTypeIds).toContain(type[0]?.id);
    expect(state.defaultScreenFields.has(field?.id ?? '')).toBe(true);
    expect(status).toMatchObject({
      state: 'partial',
      issueType: { created: true },
      field: { created: true },
    });
    // The team-managed project cannot be provisioned over REST: listed with manual steps.
    expect(status.problems).toEqual([
      expect.objectContaining({
        scope: 'project LAB',
        manualSteps: expect.arrayContaining([expect.stringContaining('Project settings')]),
      }),
    ]);
    expectSpecCompliant(h);
  });

  it('run twice creates nothing the second time', async () => {
    h = await startSite(withTeamManagedAndScheme(freshSite()));
    await provisionAsApp(h, ['PAY', 'CHK']);
    const writes = h.writes().length;
    const second = await provisionAsApp(h, ['PAY', 'CHK']);
    expect(h.writes().slice(writes)).toEqual([]);
    expect(second.status).toMatchObject({
      state: 'done',
      changes: [],
      issueType: { created: false },
      field: { created: false },
    });
    expect(h.emulator.state.issueTypes.filter((t) => t.name === 'Impediment')).toHaveLength(2);
    expect(h.emulator.state.fields.filter((f) => f.name === 'Escalation level')).toHaveLength(1);
    expectSpecCompliant(h);
  });

  it('on a site that already has the Impediment type and the field writes nothing at all', async () => {
    h = await startSite(demoProgram());
    const { status } = await provisionAsApp(h);
    expect(h.writes()).toEqual([]);
    expect(status).toMatchObject({
      state: 'done',
      issueType: { id: '10005', created: false },
      field: { id: 'customfield_10060', created: false },
    });
    expectSpecCompliant(h);
  });

  it('reports a clash with an existing sub-task type named Impediment instead of creating a second one', async () => {
    const site = freshSite();
    h = await startSite({
      ...site,
      issueTypes: [
        ...site.issueTypes,
        { id: '10500', name: 'Impediment', hierarchyLevel: -1, subtask: true },
      ],
    });
    const { status } = await provisionAsApp(h, ['PAY']);
    expect(h.emulator.state.issueTypes.filter((t) => t.name === 'Impediment')).toHaveLength(1);
    expect(status.issueType).toBeNull();
    expect(status.problems[0]).toMatchObject({
      scope: 'issue type Impediment',
      manualSteps: expect.any(Array),
    });
    expect(status.field).toMatchObject({ created: true });
    expectSpecCompliant(h);
  });

  it('retries with backoff when Jira answers 403 right after install, then provisions once', async () => {
    h = await startSite(freshSite());
    h.emulator.faults.add({ method: 'POST', path: '/rest/api/3/issuetype', status: 403, count: 2 });
    const event = { eventType: 'avi:forge:installed:app' };
    const first = await h.forge.runAsApp(() => onImpedimentSetup(event));
    expect(first).toMatchObject({
      _retry: true,
      retryOptions: { retryAfter: 60, retryReason: 'FUNCTION_RETRY_REQUEST' },
    });
    expect((await h.forge.runAsApp(() => readProvisioning())).state).toBe('waiting-for-permission');
    const second = await h.forge.runAsApp(() =>
      onImpedimentSetup({
        ...event,
        retryContext: { retryCount: 1, retryReason: 'FUNCTION_RETRY_REQUEST', retryData: {} },
      }),
    );
    expect(second).toMatchObject({ retryOptions: { retryAfter: 120 } });
    const third = await h.forge.runAsApp(() =>
      onImpedimentSetup({
        ...event,
        retryContext: { retryCount: 2, retryReason: 'FUNCTION_RETRY_REQUEST', retryData: {} },
      }),
    );
    expect(third).toBeUndefined();
    const status = await h.forge.runAsApp(() => readProvisioning());
    expect(status).toMatchObject({ state: 'done', attempts: 3, issueType: { created: true } });
    expect(h.emulator.state.issueTypes.filter((t) => t.name === 'Impediment')).toHaveLength(1);
    expectSpecCompliant(h);
  });

  it('gives up after Forge’s last retry and lists the problem with manual steps', async () => {
    h = await startSite(freshSite());
    h.emulator.faults.add({ method: 'POST', path: '/rest/api/3/issuetype', status: 403 });
    const last = await h.forge.runAsApp(() =>
      onImpedimentSetup({
        eventType: 'avi:forge:upgraded:app',
        retryContext: { retryCount: 4, retryReason: 'FUNCTION_RETRY_REQUEST', retryData: {} },
      }),
    );
    expect(last).toBeUndefined();
    const status = await h.forge.runAsApp(() => readProvisioning());
    expect(status.state).toBe('failed');
    expect(status.problems[0]?.manualSteps.length).toBeGreaterThan(1);
  });

  it('lets only Jira administrators read and retry provisioning from the admin page', async () => {
    h = await startSite(freshSite());
    const call = (functionKey: string, accountId: string) =>
      h.forge.invoke(
        resolver,
        { functionKey, payload: {} },
        { accountId, context: { moduleKey: 'metascrum-admin', extension: { type: 'jira:adminPage' } } },
      );
    expect(await call('impediment/getProvisioning', 'cpo')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await call('impediment/retryProvisioning', 'cpo')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(h.emulator.state.issueTypes.some((t) => t.name === 'Impediment')).toBe(false);
    expect(await call('impediment/getProvisioning', 'admin')).toMatchObject({
      ok: true,
      data: { state: 'not-run' },
    });
    expect(await call('impediment/retryProvisioning', 'admin')).toMatchObject({
      ok: true,
      data: { state: 'done', issueType: { created: true } },
    });
    expect(await call('impediment/getProvisioning', 'admin')).toMatchObject({
      ok: true,
      data: { state: 'done' },
    });
    expectSpecCompliant(h);
  });
});
