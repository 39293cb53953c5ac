/**
 * The one Jira client: every Jira call goes through {@link JiraClient.send}, which takes the request and
 * the zod schema of the reply and returns typed data or throws a typed {@link JiraError}.
 */
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
import type { JiraRequest, JiraResponse, JiraTransport } from './transport';

const JiraErrorBodySchema = z.looseObject({
  errorMessages: z.array(z.string()).optional(),
  errors: z.record(z.string(), z.string()).optional(),
  message: z.string().optional(),
});

/** Jira's documented default when a 429 carries no usable Retry-After. */
const DEFAULT_RETRY_AFTER_MS = 5_000;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function retryAfterMs(header: string | null): number {
  const seconds = header === null ? Number.NaN : Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = header === null ? Number.NaN : Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : DEFAULT_RETRY_AFTER_MS;
}

function describe(request: JiraRequest): string {
  return `${request.method} ${request.path}`;
}

async function errorFor(request: JiraRequest, response: JiraResponse): Promise<JiraError> {
  const parsed = JiraErrorBodySchema.safeParse(parseJson(await response.text()));
  const body = parsed.success ? parsed.data : {};
  const messages = [...(body.errorMessages ?? []), ...Object.values(body.errors ?? {})];
  if (body.message) messages.push(body.message);
  const detail = messages.length > 0 ? messages.join('; ') : `HTTP ${response.status}`;
  const message = `${describe(request)}: ${detail}`;
  const status = response.status;
  if (status === 429) return new JiraRateLimited(message, retryAfterMs(response.headers.get('retry-after')));
  if (status === 401 || status === 403) return new JiraForbidden(message, status);
  if (status === 404) return new JiraNotFound(message, status);
  if (status === 400) return new JiraBadRequest(message, body.errorMessages ?? [], body.errors ?? {});
  if (status >= 500) return new JiraUnavailable(message, status);
  return new JiraBadReply(`${message} (unexpected status)`, status, '');
}

function firstIssuePath(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '(root)';
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return `${path.replace(/^\./, '') || '(root)'}: ${issue.message}`;
}

export class JiraClient {
  constructor(private readonly transport: JiraTransport) {}

  /** Sends a request whose reply has a JSON body, parsed with `schema`. */
  async send<S extends z.ZodType>(request: JiraRequest, schema: S): Promise<z.infer<S>> {
    const response = await this.exchange(request);
    const text = await response.text();
    const json = parseJson(text);
    if (json === undefined) {
      throw new JiraBadReply(`${describe(request)}: the reply is not JSON`, response.status, '(root)');
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const path = firstIssuePath(parsed.error);
      throw new JiraBadReply(`${describe(request)}: unexpected reply at ${path}`, response.status, path);
    }
    return parsed.data;
  }

  /** Sends a request whose success reply has no body that matters (204, or a 201 we do not read). */
  async sendWithoutReply(request: JiraRequest): Promise<number> {
    const response = await this.exchange(request);
    return response.status;
  }

  private async exchange(request: JiraRequest): Promise<JiraResponse> {
    let response: JiraResponse;
    try {
      response = await this.transport.send(request);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // @forge/api throws this where asUser() has no user to act for (e.g. the user never consented).
      if (error instanceof Error && error.name === 'NeedsAuthenticationError') {
        throw new JiraForbidden(`${describe(request)}: ${reason}`, 401);
      }
      throw new JiraUnavailable(`${describe(request)}: ${reason}`, undefined);
    }
    if (response.status >= 200 && response.status < 300) return response;
    throw await errorFor(request, response);
  }
}
