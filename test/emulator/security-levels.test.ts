import { DEMO_FACTS } from '../../dev/emulator/demo/demo-facts';
import { at, list, searchKeys, startHarness, type Harness } from './emulator-harness';

/**
 * Jira's issue security: an issue with a security level is visible only to the level's members, even
 * to users who browse its project. The demo secures CHK-8; po-pay browses CHK but is no member.
 */
let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.emulator.close());

const SECURED = DEMO_FACTS.securedIssue;

describe('issue security levels', () => {
  it('leaves the secured issue out of a non-member’s search, and keeps it for members and the app', async () => {
    expect(await searchKeys(h, 'project = CHK AND issuetype = Epic', 'po-pay')).not.toContain(SECURED.key);
    expect(await searchKeys(h, 'project = CHK AND issuetype = Epic', 'cpo')).toContain(SECURED.key);
  });

  it('answers 404 to a non-member who opens it, and returns its level to a member', async () => {
    expect((await h.call('GET', `/rest/api/3/issue/${SECURED.key}`, { as: 'po-pay' })).status).toBe(404);
    const seen = await h.call('GET', `/rest/api/3/issue/${SECURED.key}?fields=security`, { as: 'cpo' });
    expect(seen.status).toBe(200);
    expect(at(seen.json, 'fields', 'security')).toMatchObject({
      id: SECURED.level.id,
      name: SECURED.level.name,
    });
  });

  it('grants BROWSE_PROJECTS on the secured issue only to members in permissions/check', async () => {
    const id = Number(
      at((await h.call('GET', `/rest/api/3/issue/${SECURED.key}`, { as: 'cpo' })).json, 'id'),
    );
    const check = (as: string) =>
      h.call('POST', '/rest/api/3/permissions/check', {
        as,
        body: { projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: [id] }] },
      });
    const issuesOf = (json: unknown) => list(json, 'projectPermissions', 0, 'issues');
    expect(issuesOf((await check('po-pay')).json)).toEqual([]);
    expect(issuesOf((await check('cpo')).json)).toEqual([id]);
  });
});
