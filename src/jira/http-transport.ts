import { requestInit, withQuery, type JiraRequest, type JiraResponse, type JiraTransport } from './transport';

export type HttpAuth =
  | { kind: 'basic'; email: string; apiToken: string }
  /** The Jira emulator's bearer tokens: `app`, or `user:<accountId>`. */
  | { kind: 'bearer'; token: string };

export interface HttpTransportOptions {
  baseUrl: string;
  auth: HttpAuth;
  fetch?: typeof fetch;
}

function authorizationHeader(auth: HttpAuth): string {
  return auth.kind === 'basic'
    ? `Basic ${Buffer.from(`${auth.email}:${auth.apiToken}`).toString('base64')}`
    : `Bearer ${auth.token}`;
}

/** Jira over plain HTTPS: a real Cloud site with an API token, or the local emulator. */
export function httpTransport(options: HttpTransportOptions): JiraTransport {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    send(request: JiraRequest): Promise<JiraResponse> {
      const init = requestInit(request);
      const headers = { ...init.headers, authorization: authorizationHeader(options.auth) };
      return doFetch(base + withQuery(request.path, request.query), { ...init, headers });
    },
  };
}
