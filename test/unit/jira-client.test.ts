import { z } from 'zod';
import { JiraClient } from '../../src/jira/client';
import { retryPolicyFor } from '../../src/jira/retry-policy';
import {
  JiraBadReply,
  JiraBadRequest,
  JiraForbidden,
  JiraNotFound,
  JiraRateLimited,
  JiraUnavailable,
} from '../../src/jira/errors';
import type { JiraRequest, JiraTransport } from '../../src/jira/transport';
import { jiraPath, withQuery } from '../../src/jira/transport';

function replying(status: number, body: string, headers: Record<string, string> = {}): JiraTransport {
  return { send: () => Promise.resolve(new Response(status === 204 ? null : body, { status, headers })) };
}

/** One attempt only: these tests are about mapping replies; retries have their own tests. */
const clientOf = (transport: JiraTransport) =>
  new JiraClient(transport, { policy: { ...retryPolicyFor('resolver'), maxAttempts: 1 } });

const request: JiraRequest = { method: 'GET', path: '/rest/api/3/myself' };
const Me = z.looseObject({ accountId: z.string() });

describe('JiraClient', () => {
  it('returns the parsed reply and keeps keys it does not know', async () => {
    const client = clientOf(replying(200, '{"accountId":"a1","locale":"en"}'));
    await expect(client.send(request, Me)).resolves.toEqual({ accountId: 'a1', locale: 'en' });
  });

  it('reports a reply that breaks the schema as JiraBadReply naming the path', async () => {
    const client = clientOf(replying(200, '{"accountId":42}'));
    const error = await client.send(request, Me).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraBadReply);
    expect(error).toMatchObject({ path: expect.stringContaining('accountId') });
  });

  it('reports a body that is not JSON as JiraBadReply', async () => {
    await expect(clientOf(replying(200, '<html>')).send(request, Me)).rejects.toBeInstanceOf(JiraBadReply);
  });

  it('turns 429 into JiraRateLimited with Retry-After in milliseconds', async () => {
    const client = clientOf(replying(429, '{"errorMessages":["slow down"]}', { 'retry-after': '7' }));
    await expect(client.send(request, Me)).rejects.toMatchObject({
      retryAfterMs: 7000,
      constructor: JiraRateLimited,
    });
  });

  it.each([
    [401, JiraForbidden],
    [403, JiraForbidden],
    [404, JiraNotFound],
    [500, JiraUnavailable],
    [503, JiraUnavailable],
  ])('maps HTTP %i to its typed error', async (status, type) => {
    await expect(clientOf(replying(status, '')).send(request, Me)).rejects.toBeInstanceOf(type);
  });

  it("keeps Jira's error messages on a 400", async () => {
    const body = '{"errorMessages":["Field \'foo\' does not exist"],"errors":{"jql":"bad"}}';
    const error = await clientOf(replying(400, body))
      .send(request, Me)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraBadRequest);
    expect(error).toMatchObject({ errorMessages: ["Field 'foo' does not exist"], errors: { jql: 'bad' } });
  });

  it('turns a network failure into JiraUnavailable', async () => {
    const client = clientOf({ send: () => Promise.reject(new Error('ECONNRESET')) });
    await expect(client.send(request, Me)).rejects.toBeInstanceOf(JiraUnavailable);
  });
});

describe('jiraPath', () => {
  it('encodes every value so that none can add path segments or a query', () => {
    expect(jiraPath`/rest/api/3/issue/${'../../admin?x=1'}`).toBe(
      '/rest/api/3/issue/..%2F..%2Fadmin%3Fx%3D1',
    );
  });

  it('leaves out undefined query values', () => {
    expect(withQuery('/p', { a: 1, b: undefined, c: 'x y' })).toBe('/p?a=1&c=x+y');
  });

  it('holds a gated slot for the exchange only: the reply is parsed after the slot is free', async () => {
    const events: string[] = [];
    const gate = async <T>(exchange: () => Promise<T>): Promise<T> => {
      events.push('slot taken');
      try {
        return await exchange();
      } finally {
        events.push('slot free');
      }
    };
    const Parsed = z.looseObject({ accountId: z.string() }).transform((me) => {
      events.push('parsed');
      return me;
    });
    const client = clientOf(replying(200, '{"accountId":"a1"}'));
    await expect(client.send(request, Parsed, gate)).resolves.toEqual({ accountId: 'a1' });
    expect(events).toEqual(['slot taken', 'slot free', 'parsed']);
  });

  it('builds a request given as a function as it leaves the gate, with what is known by then', async () => {
    const sent: JiraRequest[] = [];
    const transport: JiraTransport = {
      send: (r) => {
        sent.push(r);
        return Promise.resolve(new Response('{"accountId":"a1"}', { status: 200 }));
      },
    };
    let known = 'queued';
    const gate = async <T>(exchange: () => Promise<T>): Promise<T> => {
      known = 'leaving';
      return exchange();
    };
    await clientOf(transport).send(() => ({ ...request, query: { state: known } }), Me, gate);
    expect(sent).toEqual([{ ...request, query: { state: 'leaving' } }]);
  });
});
