import { at, list, searchKeys, startHarness, type Harness } from './emulator-harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.emulator.close());

const basic = (email: string, token: string) =>
  `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;

describe('callers and permission hiding', () => {
  it('rejects unknown credentials with a Jira 401', async () => {
    for (const auth of [
      '',
      'Bearer nobody',
      'Bearer user:ghost',
      basic('admin@metascrum-demo.example', 'wrong'),
    ]) {
      const res = await h.call('GET', '/rest/api/3/myself', { auth });
      expect(res.status).toBe(401);
      expect(list(res.json, 'errorMessages')).toHaveLength(1);
    }
  });

  it('accepts Basic email:apiToken as that user', async () => {
    const res = await h.call('GET', '/rest/api/3/myself', {
      auth: basic('po-pay@metascrum-demo.example', 'token'),
    });
    expect(at(res.json, 'accountId')).toBe('po-pay');
  });

  it('omits hidden issues from search and answers 404 for them', async () => {
    expect((await searchKeys(h, 'issuetype = Epic', 'dev-mob')).every((k) => k.startsWith('MOB-'))).toBe(
      true,
    );
    const hidden = await h.call('GET', '/rest/api/3/issue/PAY-1', { as: 'dev-mob' });
    expect(hidden.status).toBe(404);
    expect(hidden.json).toEqual({
      errorMessages: ['Issue does not exist or you do not have permission to see it.'],
      errors: {},
    });
    expect((await h.call('GET', '/rest/api/3/issue/PAY-1', { as: 'cpo' })).status).toBe(200);
  });

  it('leaves out issue links to issues the caller cannot browse', async () => {
    const links = (as: string) =>
      h
        .call('GET', '/rest/api/3/issue/MOB-41?fields=issuelinks', { as })
        .then((r) => list(r.json, 'fields', 'issuelinks'));
    expect((await links('app')).map((l) => at(l, 'inwardIssue', 'key'))).toEqual(['PLAT-71']);
    expect(await links('dev-mob')).toEqual([]);
  });

  it('omits boards and sprints of hidden projects', async () => {
    const boards = await h.call('GET', '/rest/agile/1.0/board', { as: 'po-pay' });
    expect(list(boards.json, 'values').map((b) => at(b, 'location', 'projectKey'))).toEqual(['PAY', 'CHK']);
    expect((await h.call('GET', '/rest/agile/1.0/board/4/sprint', { as: 'po-pay' })).status).toBe(404);
    expect((await h.call('GET', '/rest/agile/1.0/board/4/sprint', { as: 'dev-mob' })).status).toBe(200);
  });

  it('lists only browsable projects and 404s hidden ones', async () => {
    const res = await h.call('GET', '/rest/api/3/project/search', { as: 'po-pay' });
    expect(list(res.json, 'values').map((p) => at(p, 'key'))).toEqual(['PAY', 'CHK']);
    expect(at(res.json, 'total')).toBe(2);
    expect((await h.call('GET', '/rest/api/3/project/MOB', { as: 'po-pay' })).status).toBe(404);
    const none = await h.call('GET', '/rest/api/3/project/search', { as: 'outsider' });
    expect(list(none.json, 'values')).toEqual([]);
  });

  it("reports the caller's own permissions", async () => {
    const perms = (as: string, q: string) =>
      h
        .call('GET', `/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,ADMINISTER${q}`, { as })
        .then((r) => r.json);
    expect(at(await perms('admin', ''), 'permissions', 'ADMINISTER', 'havePermission')).toBe(true);
    expect(at(await perms('cpo', ''), 'permissions', 'ADMINISTER', 'havePermission')).toBe(false);
    expect(
      at(await perms('po-pay', '&projectKey=CHK'), 'permissions', 'BROWSE_PROJECTS', 'havePermission'),
    ).toBe(true);
    expect(at(await perms('outsider', ''), 'permissions', 'BROWSE_PROJECTS', 'havePermission')).toBe(false);
    expect((await h.call('GET', '/rest/api/3/mypermissions?permissions=NOPE')).status).toBe(400);
  });

  it('checks bulk permissions for projects and issues', async () => {
    const res = await h.call('POST', '/rest/api/3/permissions/check', {
      as: 'po-pay',
      body: {
        globalPermissions: ['ADMINISTER'],
        projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: [10001, 10004], issues: [10001] }],
      },
    });
    expect(res.json).toEqual({
      globalPermissions: [],
      projectPermissions: [{ permission: 'BROWSE_PROJECTS', projects: [10001], issues: [10001] }],
    });
  });
});
