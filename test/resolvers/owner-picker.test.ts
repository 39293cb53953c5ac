import { dataOf, startHarness, type Harness } from './harness';
import { expectValidExchange } from '../contract/openapi-judge';

describe('ladder owners: picked from Jira, checked on save', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.forge.kvs.clear());

  it('finds users and groups as the user types, by display name, with ids to store', async () => {
    const found = dataOf(await h.call('owners/find', { query: 'pat', kinds: ['user', 'group'] }, 'admin'));
    expect(found.owners).toEqual([{ kind: 'user', id: 'po-pay', displayName: 'Pat Payments (PO)' }]);
    const groups = dataOf(await h.call('owners/find', { query: 'executive', kinds: ['group'] }, 'cpo'));
    expect(groups.owners).toEqual([
      { kind: 'group', id: expect.stringMatching(/^[0-9a-f-]{36}$/), displayName: 'executive-action-team' },
    ]);
    const usersOnly = dataOf(await h.call('owners/find', { query: 'scrum', kinds: ['user'] }, 'cpo'));
    expect(usersOnly.owners).toEqual([]);
  });

  it('asks Jira as the user: someone without Browse users and groups finds nobody', async () => {
    const found = dataOf(await h.call('owners/find', { query: 'pat', kinds: ['user', 'group'] }, 'outsider'));
    expect(found.owners).toEqual([]);
    const bad = await h.call('owners/find', { query: '', kinds: ['user'] }, 'cpo');
    expect(bad).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'BAD_PAYLOAD', field: 'query' }),
    });
  });

  it('names stored owners (users by account id, groups by id or by an older config’s name) and leaves out unknown ids', async () => {
    const groups = dataOf(await h.call('owners/find', { query: 'metascrum', kinds: ['group'] }, 'admin'));
    const groupId = groups.owners[0]?.id ?? '';
    const named = dataOf(
      await h.call(
        'owners/describe',
        {
          owners: [
            { id: 'cpo', kind: 'user' },
            { id: groupId, kind: 'group' },
            { id: 'scrum-of-scrums' },
            { id: 'ghost', kind: 'user' },
          ],
        },
        'admin',
      ),
    );
    expect(named.owners.map((o) => [o.kind, o.displayName])).toEqual([
      ['user', 'Chris Product (CPO)'],
      ['group', 'metascrum'],
      ['group', 'scrum-of-scrums'],
    ]);
    for (const ex of h.exchanges.filter((e) => /\/(user|group)s?\//.test(e.path))) expectValidExchange(ex);
  });

  it('refuses a mistyped owner with a sentence naming the level, and stores nothing', async () => {
    const { config } = dataOf(await h.call('admin/getConfig', {}, 'admin'));
    const levels = config.impediments.levels.map((l, i) =>
      i === 2 ? { ...l, owner: 'chirs', ownerKind: 'user' as const } : i === 1 ? { ...l, owner: 'cpo' } : l,
    );
    const reply = await h.call(
      'admin/saveConfig',
      { config: { ...config, impediments: { ...config.impediments, levels } }, baseVersion: 0 },
      'admin',
    );
    if (reply.ok) throw new Error('expected a refusal');
    expect(reply.error.problems).toEqual([
      {
        field: 'config.impediments.levels[2].owner',
        message:
          'Escalation ladder: level 3 owner: Jira has no user with the account id "chirs" (mistyped or deleted?). Pick the owner from the list.',
      },
    ]);
    expect(dataOf(await h.call('admin/getConfig', {}, 'admin')).version).toBeNull();
  });

  it('saves owners Jira knows: a user by account id and a group by id', async () => {
    const { config } = dataOf(await h.call('admin/getConfig', {}, 'admin'));
    const eat = dataOf(await h.call('owners/find', { query: 'executive', kinds: ['group'] }, 'admin'));
    const groupId = eat.owners[0]?.id ?? '';
    const levels = config.impediments.levels.map((l, i) =>
      i === 1
        ? { ...l, owner: 'cpo', ownerKind: 'user' as const }
        : i === 3
          ? { ...l, owner: groupId, ownerKind: 'group' as const }
          : l,
    );
    const saved = dataOf(
      await h.call(
        'admin/saveConfig',
        { config: { ...config, impediments: { ...config.impediments, levels } }, baseVersion: 0 },
        'admin',
      ),
    );
    expect(saved.config.impediments.levels[3]).toMatchObject({ owner: groupId, ownerKind: 'group' });
    // The saved version says what changed by name, though the config keeps ids.
    expect(saved.version?.changes).toEqual([
      'Escalation ladder: "Scrum of Scrums" owner none → "Chris Product (CPO)"',
      'Escalation ladder: "Executive Action Team" owner none → "executive-action-team (group)"',
    ]);
    const backlogs = dataOf(await h.call('impediment/listBacklogs', {}, 'cpo'));
    expect(backlogs.executive.owner).toEqual({
      kind: 'group',
      id: groupId,
      displayName: 'executive-action-team',
    });
  });
});
