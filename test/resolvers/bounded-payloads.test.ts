import { jiraPath, UnsafePathSegment } from '../../src/jira/transport';
import { dataOf, startHarness, type Harness } from './harness';

describe('payloads are bounded and every refusal names its field', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('refuses a team named twice in a rank flow-down, naming the repeat, before any rank call', async () => {
    const before = h.exchanges.length;
    expect(await h.call('panel/applyRankFlow', { teams: ['MOB', 'PAY', 'MOB'] }, 'cpo')).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'BAD_PAYLOAD', field: 'teams.2' }),
    });
    expect(h.exchanges.slice(before).some((e) => e.path.includes('/rank'))).toBe(false);
  });

  it('refuses 100,000 team names at once, quickly', async () => {
    const started = Date.now();
    const teams = Array.from({ length: 100_000 }, (_, i) => `T${i}`);
    expect(await h.call('panel/applyRankFlow', { teams }, 'cpo')).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'BAD_PAYLOAD', field: 'teams' }),
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('names an unknown payload key', async () => {
    expect(await h.call('panel/getAgenda', { limit: 5, limits: 6 }, 'cpo')).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'BAD_PAYLOAD', field: 'limits' }),
    });
  });

  it('refuses a 205 KB program name and 60,000 project keys, naming each, and stores nothing', async () => {
    const { config } = dataOf(await h.call('admin/getConfig', {}, 'admin'));
    const longName = await h.call(
      'admin/saveConfig',
      { config: { ...config, name: 'N'.repeat(205_000) }, baseVersion: 0 },
      'admin',
    );
    expect(longName).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'BAD_PAYLOAD', field: 'config.name' }),
    });
    const started = Date.now();
    const projects = Array.from({ length: 60_000 }, (_, i) => `P${i}`);
    const many = await h.call(
      'admin/saveConfig',
      { config: { ...config, projects }, baseVersion: 0 },
      'admin',
    );
    expect(many).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'BAD_PAYLOAD', field: 'config.projects' }),
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(dataOf(await h.call('admin/getConfig', {}, 'admin')).version).toBeNull();
  });

  it('refuses historyProperty ".." (and ".") naming the field, and stores nothing', async () => {
    const { config, version } = dataOf(await h.call('admin/getConfig', {}, 'admin'));
    const before = h.exchanges.length;
    for (const key of ['..', '.']) {
      const reply = await h.call(
        'admin/saveConfig',
        {
          config: { ...config, impediments: { ...config.impediments, historyProperty: key } },
          baseVersion: version?.version ?? 0,
        },
        'admin',
      );
      expect(reply).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'BAD_PAYLOAD', field: 'config.impediments.historyProperty' }),
      });
    }
    expect(h.exchanges.slice(before).some((e) => e.path.includes('/properties/'))).toBe(false);
    expect(dataOf(await h.call('admin/getConfig', {}, 'admin')).version).toEqual(version);
  });

  it('refuses a ".." path segment before any request to Jira', () => {
    const issueKey = 'PAY-1';
    expect(() => jiraPath`/rest/api/3/issue/${issueKey}/properties/${'..'}`).toThrow(UnsafePathSegment);
    expect(jiraPath`/rest/api/3/issue/${issueKey}/properties/${'a..b'}`).toBe(
      '/rest/api/3/issue/PAY-1/properties/a..b',
    );
  });
});
