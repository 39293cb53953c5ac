import { at, list, startHarness, type Harness } from '../emulator/emulator-harness';
import { createJudge, expectValidExchange } from './openapi-judge';

let h: Harness;
beforeAll(async () => {
  createJudge();
  h = await startHarness();
});
afterAll(() => h.emulator.close());

const adf = {
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi' }] }],
};

/** Every route the emulator serves, with the status Jira answers; writes come after the reads they change. */
const calls: [string, string, unknown, number][] = [
  [
    'POST',
    '/rest/api/3/search/jql',
    {
      jql: 'project = PAY ORDER BY Rank',
      fields: ['*all'],
      maxResults: 5,
      properties: ['metascrum.escalation'],
    },
    200,
  ],
  ['GET', '/rest/api/3/search/jql?jql=project%3DCHK&maxResults=3&fields=summary,issuelinks', undefined, 200],
  ['POST', '/rest/api/3/search/jql', { jql: 'project = PAY OR key = X' }, 400],
  [
    'POST',
    '/rest/api/3/issue/bulkfetch',
    { issueIdsOrKeys: ['PAY-1', 'MOB-41', 'NOPE-1'], fields: ['summary', 'issuelinks', 'parent'] },
    200,
  ],
  ['GET', '/rest/api/3/issue/MOB-41', undefined, 200],
  [
    'GET',
    '/rest/api/3/issue/PAY-93?fields=customfield_10060,status&properties=metascrum.escalation',
    undefined,
    200,
  ],
  ['GET', '/rest/api/3/issue/NOPE-1', undefined, 404],
  [
    'PUT',
    '/rest/api/3/issue/PAY-10',
    {
      fields: { summary: 'Renamed', customfield_10016: 5, customfield_10060: { value: 'Team' } },
      update: { labels: [{ add: 'metascrum' }] },
    },
    204,
  ],
  ['PUT', '/rest/api/3/issue/PAY-10', { fields: { customfield_10016: 'five' } }, 400],
  [
    'POST',
    '/rest/api/3/issue',
    {
      fields: {
        project: { key: 'PAY' },
        issuetype: { name: 'Impediment' },
        summary: 'New impediment',
        description: adf,
        customfield_10060: { value: 'Team' },
      },
    },
    201,
  ],
  ['POST', '/rest/api/3/issue', { fields: { project: { key: 'PAY' }, issuetype: { name: 'Story' } } }, 400],
  ['PUT', '/rest/api/3/issue/PAY-93/properties/metascrum.escalation', { version: 2, history: [] }, 200],
  ['PUT', '/rest/api/3/issue/PAY-93/properties/metascrum.other', { a: 1 }, 201],
  ['GET', '/rest/api/3/issue/PAY-93/properties/metascrum.escalation', undefined, 200],
  ['GET', '/rest/api/3/issue/PAY-93/properties', undefined, 200],
  ['DELETE', '/rest/api/3/issue/PAY-93/properties/metascrum.other', undefined, 204],
  ['GET', '/rest/api/3/issue/PAY-93/properties/metascrum.other', undefined, 404],
  ['POST', '/rest/api/3/issue/PAY-93/comment', { body: adf }, 201],
  ['GET', '/rest/api/3/issue/PAY-93/comment', undefined, 200],
  ['GET', '/rest/api/3/issuetype', undefined, 200],
  ['POST', '/rest/api/3/issuetype', { name: 'Risk', description: 'A risk', type: 'standard' }, 201],
  ['POST', '/rest/api/3/issuetype', { name: 'Risk', type: 'standard' }, 409],
  ['GET', '/rest/api/3/issuetypescheme', undefined, 200],
  ['GET', '/rest/api/3/issuetypescheme/project?projectId=10001', undefined, 200],
  ['PUT', '/rest/api/3/issuetypescheme/10000/issuetype', { issueTypeIds: ['10005'] }, 204],
  ['GET', '/rest/api/3/field', undefined, 200],
  [
    'POST',
    '/rest/api/3/field',
    {
      name: 'Escalation owner',
      type: 'com.atlassian.jira.plugin.system.customfieldtypes:select',
      searcherKey: 'com.atlassian.jira.plugin.system.customfieldtypes:multiselectsearcher',
    },
    201,
  ],
  ['GET', '/rest/api/3/field/customfield_10060/context', undefined, 200],
  [
    'POST',
    '/rest/api/3/field/customfield_10060/context',
    { name: 'Impediments only', issueTypeIds: ['10005'], projectIds: [] },
    201,
  ],
  ['GET', '/rest/api/3/field/customfield_10060/context/10200/option', undefined, 200],
  [
    'POST',
    '/rest/api/3/field/customfield_10060/context/10200/option',
    { options: [{ value: 'Board', disabled: false }] },
    200,
  ],
  [
    'PUT',
    '/rest/api/3/field/customfield_10060/context/10200/option',
    { options: [{ id: '10103', value: 'EAT', disabled: false }] },
    200,
  ],
  [
    'PUT',
    '/rest/api/3/field/customfield_10060/context/10200/option',
    { options: [{ id: '99999', value: 'Nobody' }] },
    400,
  ],
  ['GET', '/rest/api/3/issuetypescheme/mapping?issueTypeSchemeId=10000', undefined, 200],
  ['GET', '/rest/api/3/issue/CHK-94/transitions', undefined, 200],
  ['POST', '/rest/api/3/issue/CHK-94/transitions', { transition: { id: '99' } }, 400],
  ['POST', '/rest/api/3/issue/CHK-94/transitions', { transition: { id: '31' } }, 204],
  [
    'POST',
    '/rest/api/3/issue/CHK-94/notify',
    { subject: 'Escalated', textBody: 'Now with the EAT', to: { groups: [{ name: 'eat' }] } },
    204,
  ],
  ['POST', '/rest/api/3/issue/CHK-94/notify', { subject: 'Nobody', to: {} }, 400],
  ['POST', '/rest/api/3/issue/CHK-94/notify', { subject: 'Unassigned', to: { assignee: true } }, 400],
  ['GET', '/rest/api/3/user?accountId=cpo', undefined, 200],
  ['GET', '/rest/api/3/user?accountId=nobody', undefined, 404],
  ['GET', '/rest/api/3/user/search?query=pat&maxResults=10', undefined, 200],
  ['GET', '/rest/api/3/user/search', undefined, 400],
  [
    'GET',
    '/rest/api/3/user/bulk?accountId=cpo&accountId=nobody&accountId=po-pay&maxResults=10',
    undefined,
    200,
  ],
  ['GET', '/rest/api/3/groups/picker?query=scrum&maxResults=10&caseInsensitive=true', undefined, 200],
  ['GET', '/rest/api/3/group/bulk?groupName=metascrum&groupId=nope&maxResults=50', undefined, 200],
  ['POST', '/rest/api/3/screens/addToDefault/customfield_10060', undefined, 200],
  ['POST', '/rest/api/3/screens/addToDefault/customfield_10060', undefined, 400],
  [
    'POST',
    '/rest/api/3/search/jql',
    { jql: 'project = PAY AND "Escalation level" = "Team"', fields: ['customfield_10060'] },
    200,
  ],
  ['POST', '/rest/api/3/search/jql', { jql: 'cf[10060] = "Nowhere"' }, 400],
  ['GET', '/rest/api/3/issueLinkType', undefined, 200],
  [
    'POST',
    '/rest/api/3/issueLink',
    { type: { name: 'Blocks' }, inwardIssue: { key: 'PAY-11' }, outwardIssue: { key: 'CHK-11' } },
    201,
  ],
  ['GET', '/rest/api/3/myself', undefined, 200],
  [
    'GET',
    '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,ADMINISTER,EDIT_ISSUES&projectKey=PAY',
    undefined,
    200,
  ],
  [
    'POST',
    '/rest/api/3/permissions/check',
    {
      accountId: 'po-pay',
      globalPermissions: ['ADMINISTER'],
      projectPermissions: [
        { permissions: ['BROWSE_PROJECTS', 'EDIT_ISSUES'], projects: [10001, 10004], issues: [10001] },
      ],
    },
    200,
  ],
  ['GET', '/rest/api/3/project/search?maxResults=2', undefined, 200],
  ['GET', '/rest/api/3/project/PAY', undefined, 200],
  ['GET', '/rest/api/3/project/NOPE', undefined, 404],
  ['GET', '/rest/agile/1.0/board?projectKeyOrId=PAY', undefined, 200],
  ['GET', '/rest/agile/1.0/board/1/sprint?state=active,future', undefined, 200],
  ['GET', '/rest/agile/1.0/board/1/configuration', undefined, 200],
  ['GET', '/rest/agile/1.0/board/999/configuration', undefined, 404],
  [
    'PUT',
    '/rest/agile/1.0/issue/rank',
    { issues: ['PAY-12', 'PAY-13'], rankBeforeIssue: 'PAY-9', rankCustomFieldId: 10019 },
    204,
  ],
  ['PUT', '/rest/agile/1.0/issue/rank', { issues: ['PAY-12', 'NOPE-1'], rankAfterIssue: 'PAY-9' }, 207],
  // Slip alerts mail the assignees of both sides: `assignee: true` reaches the assignee set just before.
  ['PUT', '/rest/api/3/issue/PAY-2', { fields: { assignee: { accountId: 'cpo' } } }, 204],
  [
    'POST',
    '/rest/api/3/issue/PAY-2/notify',
    { subject: 'Slipped', textBody: 'PAY-2', to: { assignee: true } },
    204,
  ],
];

describe('the emulator against the Jira OpenAPI specs', () => {
  it.each(calls)('%s %s answers as Jira documents it', async (method, path, body, status) => {
    const before = h.exchanges.length;
    const res = await h.call(method, path, { body });
    expect({ status: res.status, body: res.json }).toEqual(expect.objectContaining({ status }));
    const ex = h.exchanges[before];
    if (!ex) throw new Error('no exchange recorded');
    expectValidExchange(ex);
  });

  it('applies the writes: new key, issue link on both sides, added option', async () => {
    const created = h.exchanges.find((e) => e.path === '/rest/api/3/issue' && e.status === 201);
    expect(at(created?.responseBody, 'key')).toBe('PAY-95');
    const pay11 = await h.call('GET', '/rest/api/3/issue/PAY-11?fields=issuelinks');
    expect(list(pay11.json, 'fields', 'issuelinks').map((l) => at(l, 'outwardIssue', 'key'))).toContain(
      'CHK-11',
    );
    const chk11 = await h.call('GET', '/rest/api/3/issue/CHK-11?fields=issuelinks');
    expect(list(chk11.json, 'fields', 'issuelinks').map((l) => at(l, 'inwardIssue', 'key'))).toContain(
      'PAY-11',
    );
    const edited = await h.call('GET', '/rest/api/3/issue/PAY-10?fields=summary,labels,customfield_10060');
    expect(at(edited.json, 'fields')).toEqual({
      summary: 'Renamed',
      labels: ['metascrum'],
      customfield_10060: expect.objectContaining({ value: 'Team' }),
    });
  });

  it('shows a renamed option on every issue that holds it, as Jira keeps options by id', async () => {
    const options = await h.call('GET', '/rest/api/3/field/customfield_10060/context/10200/option');
    expect(list(options.json, 'values').map((o) => at(o, 'value'))).toContain('EAT');
    const chk94 = await h.call('GET', '/rest/api/3/issue/CHK-94?fields=customfield_10060');
    expect(at(chk94.json, 'fields', 'customfield_10060', 'value')).toBe('EAT');
  });

  it('covers every route the emulator serves', () => {
    const { byRoute } = h.emulator.stats();
    const { jiraRoutes } = jest.requireActual<typeof import('../../dev/emulator/http/routes')>(
      '../../dev/emulator/http/routes',
    );
    for (const route of jiraRoutes) expect(byRoute[`${route.method} ${route.template}`]).toBeGreaterThan(0);
  });
});

describe('the OpenAPI judge', () => {
  const judge = createJudge();
  const base = { query: {}, requestHeaders: {}, requestBody: undefined, status: 0, responseBody: undefined };

  it('catches an issue without the right key type and a page with a wrong total type', () => {
    expect(
      judge.judgeResponse({
        ...base,
        method: 'GET',
        path: '/rest/api/3/issue/PAY-1',
        status: 200,
        responseBody: { id: '1', key: 7, fields: {} },
      }),
    ).toEqual([expect.stringMatching(/^getIssue 200 \/key: must be string/)]);
    const drifted = { isLast: true, startAt: 0, maxResults: 50, total: 'two', values: [] };
    expect(
      judge.judgeResponse({
        ...base,
        method: 'GET',
        path: '/rest/api/3/project/search',
        status: 200,
        responseBody: drifted,
      }),
    ).toEqual([expect.stringMatching(/^searchProjects 200 \/total: must be integer/)]);
  });

  it('catches unknown properties, non-Jira error bodies, undeclared statuses and unknown operations', () => {
    const search = { ...base, method: 'POST', path: '/rest/api/3/search/jql' };
    expect(
      judge.judgeResponse({ ...search, status: 200, responseBody: { issues: [], total: 3 } })[0],
    ).toMatch(/must NOT have additional properties \(total\)/);
    expect(
      judge.judgeResponse({ ...search, status: 400, responseBody: { message: 'nope' } }).length,
    ).toBeGreaterThan(0);
    expect(judge.judgeResponse({ ...search, status: 418, responseBody: {} })[0]).toMatch(/not declared/);
    expect(judge.judgeRequest({ ...search, requestBody: { jql: 'x', maxResults: 'many' } })[0]).toMatch(
      /maxResults/,
    );
    expect(
      judge.judgeResponse({
        ...base,
        method: 'GET',
        path: '/rest/api/3/nothing/here',
        status: 200,
        responseBody: {},
      })[0],
    ).toMatch(/no operation/);
  });
});
