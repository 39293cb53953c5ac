/**
 * The transport under the one Jira client: a Forge transport in production, an HTTP transport for the
 * local preview, the report CLI and real sites reached with an API token. Nothing above the client
 * knows which one runs.
 */
export type JiraMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A list is sent as the parameter repeated (`accountId=a&accountId=b`), as Jira takes lists. */
export type QueryValue = string | number | boolean | undefined | readonly string[];

export interface JiraRequest {
  method: JiraMethod;
  /** A path built with {@link jiraPath}: segments already encoded, starting with `/rest/`. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Whether repeating the request is harmless; defaults to true for every method but POST. */
  idempotent?: boolean;
}

/** The subset of the Fetch API `Response` that the client reads. */
export interface JiraResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  /** The body's bytes, when the transport has them (Forge's and Node's fetch): pages parse from them. */
  arrayBuffer?(): Promise<ArrayBuffer>;
}

export interface JiraTransport {
  send(request: JiraRequest): Promise<JiraResponse>;
}

/**
 * A path value that would change which resource is addressed: `.` and `..` survive URI encoding, and
 * URL resolution then drops or climbs a segment (`/issue/PAY-1/properties/..` reaches `/issue/PAY-1`).
 */
export class UnsafePathSegment extends Error {
  readonly field = 'pathSegment';
  constructor(readonly value: string) {
    super(`pathSegment: "${value}" is not allowed in a Jira path (it would address another resource)`);
  }
}

/**
 * Builds a path from literal parts and values; every value is URI-encoded, so no value can add segments,
 * and a value of `.` or `..` is refused before any request.
 */
export function jiraPath(strings: TemplateStringsArray, ...values: Array<string | number>): string {
  return strings.reduce((path, part, i) => {
    const value = values[i];
    if (value === '.' || value === '..') throw new UnsafePathSegment(value);
    return path + part + (value === undefined ? '' : encodeURIComponent(String(value)));
  }, '');
}

export function withQuery(path: string, query: Record<string, QueryValue> | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (Array.isArray(value)) for (const item of value) params.append(name, String(item));
    else if (value !== undefined) params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export interface JsonRequestInit {
  method: JiraMethod;
  headers: Record<string, string>;
  body?: string;
}

export function requestInit(request: JiraRequest): JsonRequestInit {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.body === undefined) return { method: request.method, headers };
  headers['content-type'] = 'application/json';
  return { method: request.method, headers, body: JSON.stringify(request.body) };
}
