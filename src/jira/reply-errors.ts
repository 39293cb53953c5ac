/** Maps a Jira reply that is not a success to the seam's typed errors. */
import { z } from 'zod';
import {
  JiraBadReply,
  JiraBadRequest,
  JiraForbidden,
  JiraNotFound,
  JiraRateLimited,
  JiraUnavailable,
  type JiraError,
} from './errors';
import { parseJsonBytes } from './reply-json';
import type { JiraRequest } from './transport';

const JiraErrorBodySchema = z.looseObject({
  errorMessages: z.array(z.string()).optional(),
  errors: z.record(z.string(), z.string()).optional(),
  message: z.string().optional(),
});

/** Jira's documented default when a 429 carries no usable Retry-After. */
const DEFAULT_RETRY_AFTER_MS = 5_000;

/** The reply's JSON (from its text, or its bytes: see reply-json.ts), or undefined when it is not JSON. */
export function parseJson(body: string | Uint8Array): unknown {
  try {
    return typeof body === 'string' ? JSON.parse(body) : parseJsonBytes(body);
  } catch {
    return undefined;
  }
}

/** `Retry-After` is either seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | null, now: number): number {
  const seconds = header === null ? Number.NaN : Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = header === null ? Number.NaN : Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - now) : DEFAULT_RETRY_AFTER_MS;
}

export function describe(request: JiraRequest): string {
  return `${request.method} ${request.path}`;
}

export interface RawReply {
  status: number;
  retryAfter: string | null;
  /** The body as the transport gave it: its bytes when it can, else its text. */
  body: string | Uint8Array;
}

export function errorFor(request: JiraRequest, reply: RawReply, now: number): JiraError {
  const parsed = JiraErrorBodySchema.safeParse(parseJson(reply.body));
  const body = parsed.success ? parsed.data : {};
  const messages = [...(body.errorMessages ?? []), ...Object.values(body.errors ?? {})];
  if (body.message) messages.push(body.message);
  const detail = messages.length > 0 ? messages.join('; ') : `HTTP ${reply.status}`;
  const message = `${describe(request)}: ${detail}`;
  const status = reply.status;
  if (status === 429) return new JiraRateLimited(message, retryAfterMs(reply.retryAfter, now));
  if (status === 401 || status === 403) return new JiraForbidden(message, status);
  if (status === 404) return new JiraNotFound(message, status);
  if (status === 400) return new JiraBadRequest(message, body.errorMessages ?? [], body.errors ?? {});
  if (status >= 500) return new JiraUnavailable(message, status);
  return new JiraBadReply(`${message} (unexpected status)`, status, '');
}

export function firstIssuePath(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '(root)';
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return `${path.replace(/^\./, '') || '(root)'}: ${issue.message}`;
}
