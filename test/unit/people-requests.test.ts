import { JiraClient } from '../../src/jira/client';
import { bulkUsers, USER_BULK_BATCH } from '../../src/jira/people-requests';
import { retryPolicyFor } from '../../src/jira/retry-policy';
import { withQuery, type JiraRequest, type JiraTransport } from '../../src/jira/transport';

describe('looking users up in bulk', () => {
  it('asks at most one page of ids per request (10, the spec’s default page), each id as a repeated parameter', async () => {
    const sent: string[] = [];
    const transport: JiraTransport = {
      send: (request: JiraRequest) => {
        sent.push(withQuery(request.path, request.query));
        const ids = new URL(`http://x${withQuery(request.path, request.query)}`).searchParams.getAll(
          'accountId',
        );
        const values = ids
          .filter((id) => id !== 'ghost')
          .map((accountId) => ({ accountId, displayName: accountId.toUpperCase() }));
        return Promise.resolve(new Response(JSON.stringify({ values, isLast: true }), { status: 200 }));
      },
    };
    const client = new JiraClient(transport, { policy: { ...retryPolicyFor('resolver'), maxAttempts: 1 } });
    const ids = [...Array.from({ length: 12 }, (_, i) => `u${i}`), 'ghost', 'u0'];
    const found = await bulkUsers(client, ids);
    expect(USER_BULK_BATCH).toBe(10);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toBe(
      `/rest/api/3/user/bulk?${Array.from({ length: 10 }, (_, i) => `accountId=u${i}`).join('&')}&maxResults=10`,
    );
    expect(found.map((u) => u.accountId)).toEqual(Array.from({ length: 12 }, (_, i) => `u${i}`));
    expect(found[0]?.displayName).toBe('U0');
  });
});
