import { at, list, startHarness, type Harness } from './emulator-harness';

describe('the emulator’s users and groups, as a picker and a validator ask for them', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.emulator.close());

  it('finds users by the prefix of a display-name word or of the e-mail, and nobody for a user without Browse users', async () => {
    const pat = await h.call('GET', '/rest/api/3/user/search?query=pay', { as: 'cpo' });
    expect(list(pat.json).map((u) => at(u, 'accountId'))).toEqual(['po-pay']);
    const chris = await h.call('GET', '/rest/api/3/user/search?query=CHRIS', { as: 'cpo' });
    expect(list(chris.json).map((u) => at(u, 'displayName'))).toEqual(['Chris Product (CPO)']);
    const outsider = await h.call('GET', '/rest/api/3/user/search?query=pat', { as: 'outsider' });
    expect(list(outsider.json)).toEqual([]);
  });

  it('looks users up in bulk, leaving out account ids that do not exist', async () => {
    const page = await h.call('GET', '/rest/api/3/user/bulk?accountId=cpo&accountId=ghost&accountId=admin');
    expect(list(page.json, 'values').map((u) => at(u, 'accountId'))).toEqual(['cpo', 'admin']);
  });

  it('finds groups by a part of their name with their ids, and looks them up by id or name', async () => {
    const found = await h.call('GET', '/rest/api/3/groups/picker?query=OF-Scrums&caseInsensitive=true', {
      as: 'admin',
    });
    expect(list(found.json, 'groups').map((g) => at(g, 'name'))).toEqual(['scrum-of-scrums']);
    const id = String(at(list(found.json, 'groups')[0], 'groupId'));
    const byId = await h.call('GET', `/rest/api/3/group/bulk?groupId=${id}&groupName=metascrum`);
    expect(list(byId.json, 'values').map((g) => at(g, 'name'))).toEqual(['scrum-of-scrums', 'metascrum']);
    const exactOnly = await h.call('GET', '/rest/api/3/groups/picker?query=scrum', { as: 'outsider' });
    expect(list(exactOnly.json, 'groups')).toEqual([]);
  });
});
