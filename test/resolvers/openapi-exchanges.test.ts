import { judgeRequest, judgeResponse } from '../contract/openapi-judge';
import { onLifecycleEvent, snapshotWorker } from '../../src/index';
import { DEMO_FACTS } from '../../dev/emulator/demo/demo-facts';
import { startHarness, type Harness } from './harness';

/**
 * Every request the app sends to Jira, and every reply it gets, in a run of every resolver as every
 * demo user, must validate against Atlassian's OpenAPI specs.
 */
describe('the app’s Jira traffic, judged by the OpenAPI specs', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    const users = Object.keys(DEMO_FACTS.users);
    await h.configureProgram('All teams', ['PAY', 'CHK', 'SRCH', 'MOB', 'PLAT']);
    await h.buildSnapshot();
    for (const user of users) {
      await h.call('admin/getSettings', {}, user);
      await h.call('panel/getBoard', { sort: 'wsjf' }, user);
      await h.call('panel/getDependencyMap', {}, user);
      await h.call('panel/getAgenda', {}, user);
      await h.call('panel/exportCsv', {}, user);
      await h.call('panel/previewRankFlow', {}, user);
      await h.call('issue/getContext', { issueKey: DEMO_FACTS.cycle[0] }, user);
      await h.call('issue/getContext', { issueKey: DEMO_FACTS.htmlSummaryKey }, user);
      await h.call('gadget/getSteering', { config: {} }, user);
      await h.call('admin/getConfig', {}, user);
    }
    // The writes: the MetaScrum order, rank flow-down as the user, and the program config's versions.
    await h.call('panel/moveEpic', { key: 'PAY-3', to: 'top' }, 'cpo');
    await h.call('panel/acceptSuggestedOrder', {}, 'cpo');
    await h.deliverQueue();
    const flow = await h.call('panel/previewRankFlow', {}, 'cpo');
    const teams = flow.ok ? flow.data.teams.map((t) => t.team) : [];
    if (teams.length > 0) await h.call('panel/applyRankFlow', { teams }, 'cpo');
    const admin = await h.call('admin/getConfig', {}, 'admin');
    if (admin.ok)
      await h.call('admin/saveConfig', { config: { ...admin.data.config, name: 'Renamed' } }, 'admin');
    await h.call('admin/restoreConfigVersion', { version: 1 }, 'admin');
    await h.forge.runAsApp(() => onLifecycleEvent({ eventType: 'avi:forge:upgraded:app' }));
    await h.forge.runAsApp(() =>
      snapshotWorker({ body: { reason: 'requested' }, queueName: 'snapshot-rebuild', jobId: 'j' }),
    );
  });
  afterAll(() => h.close());

  it('recorded traffic on every route the resolvers use', () => {
    const routes = new Set(
      h.exchanges.map(
        (ex) =>
          `${ex.method} ${ex.path
            .replace(/\/properties\/[^/]+$/, '/properties/{propertyKey}')
            .replace(/\/[A-Z]+-\d+(\/|$)/, '/{key}$1')
            .replace(/\/board\/\d+\//, '/board/{boardId}/')}`,
      ),
    );
    expect([...routes].sort()).toEqual(
      [
        // Field resolution: which field each board estimates with.
        'GET /rest/agile/1.0/board',
        'GET /rest/agile/1.0/board/{boardId}/configuration',
        'GET /rest/api/3/field',
        'GET /rest/api/3/issue/{key}',
        // The collapsed issue panel's status badge, written as the app after each analysis.
        'PUT /rest/api/3/issue/{key}/properties/{propertyKey}',
        'PUT /rest/agile/1.0/issue/rank',
        'GET /rest/api/3/issueLinkType',
        'GET /rest/api/3/mypermissions',
        'POST /rest/api/3/issue/bulkfetch',
        'POST /rest/api/3/permissions/check',
        'GET /rest/api/3/myself',
        'GET /rest/api/3/project/search',
        'POST /rest/api/3/search/jql',
      ].sort(),
    );
  });

  it('sent only requests the spec allows', () => {
    const violations = h.exchanges.flatMap((ex) =>
      judgeRequest(ex).map((v) => `${ex.method} ${ex.path}: ${v}`),
    );
    expect(violations).toEqual([]);
  });

  it('got only replies the spec allows', () => {
    const violations = h.exchanges.flatMap((ex) =>
      judgeResponse(ex).map((v) => `${ex.method} ${ex.path}: ${v}`),
    );
    expect(violations).toEqual([]);
  });
});
