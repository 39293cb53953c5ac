import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callerFrom } from '../access/caller';
import type { Dataset } from '../dataset/schema';
import { EmulatorState } from '../state/emulator-state';
import { RawJson, RenderedIssues } from '../state/rendered-issues';
import { controlReply } from './control-routes';
import { FaultInjector } from './faults';
import { JiraError, jiraErrors } from './jira-error';
import { Router, type Reply } from './router';
import { jiraRoutes } from './routes';

/** One request and its reply, as recorded for the OpenAPI judge. */
export interface Exchange {
  method: string;
  path: string;
  query: Record<string, string>;
  requestHeaders: Record<string, string>;
  requestBody: unknown;
  status: number;
  responseBody: unknown;
}

export interface EmulatorStats {
  total: number;
  byRoute: Record<string, number>;
  faultsInjected: number;
}

export interface RunningEmulator {
  url: string;
  faults: FaultInjector;
  stats(): EmulatorStats;
  state: EmulatorState;
  close(): Promise<void>;
}

export interface EmulatorOptions {
  dataset: Dataset;
  port?: number;
  /** Added to every request, to make the benchmark feel a real site's round trip. */
  latencyMs?: number;
  onExchange?: (ex: Exchange) => void;
  /** The clock for `updated`, `created` and relative JQL dates; defaults to the real one. */
  now?: () => Date;
  faultSeed?: number;
  /**
   * Serialise every issue once, up front, and answer searches and bulk reads from those pieces
   * (state/rendered-issues.ts): for the benchmark, whose state changes only through HTTP.
   */
  prerender?: boolean;
}

/** POSTs that only read: every other request that is not a GET may change an issue or a link. */
const READING_POSTS = new Set([
  '/rest/api/3/search/jql',
  '/rest/api/3/issue/bulkfetch',
  '/rest/api/3/permissions/check',
]);

// Unref'd: an injected slow reply that the client already gave up on must not keep a test process alive.
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw jiraErrors.badRequest('Unexpected character in the request body: it is not valid JSON.');
  }
}

function flatQuery(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of url.searchParams) out[k] = out[k] === undefined ? v : `${out[k]},${v}`;
  return out;
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

export async function startEmulator(opts: EmulatorOptions): Promise<RunningEmulator> {
  const state = new EmulatorState(opts.dataset, opts.now);
  const faults = new FaultInjector(opts.faultSeed ?? 1);
  const router = new Router(jiraRoutes);
  const counts: Record<string, number> = {};
  let total = 0;
  const stats = (): EmulatorStats => ({ total, byRoute: { ...counts }, faultsInjected: faults.fired });
  let baseUrl = '';
  let rendered: RenderedIssues | undefined;

  async function handle(req: IncomingMessage, url: URL, method: string, body: unknown): Promise<Reply> {
    const control = controlReply(method, url.pathname, body, faults, stats);
    if (control) return control;
    const match = router.match(method, url.pathname);
    const statsKey = `${method} ${match.route?.template ?? url.pathname}`;
    counts[statsKey] = (counts[statsKey] ?? 0) + 1;
    total++;
    const decision = faults.decide(method, url.pathname, body);
    // An injected slow reply adds its delay on top of everything else (reliability tests rely on it).
    if (decision.latencyMs > 0) await sleep(decision.latencyMs);
    const effect = decision.effect;
    if (effect?.kind === 'status') {
      const retry =
        effect.status === 429 ? { 'Retry-After': String(effect.retryAfterSeconds ?? 1) } : undefined;
      const message =
        effect.status === 429 ? 'Rate limit exceeded.' : 'The server encountered an unexpected condition.';
      throw new JiraError(effect.status, [message], {}, retry);
    }
    if (effect?.kind === 'expiredPageToken') throw jiraErrors.expiredPageToken();
    if (effect?.kind === 'malformedBody')
      return { status: 200, body: '{"issues":[{"id":"100', headers: { 'x-emulator-malformed': 'true' } };
    const caller = callerFrom(req.headers.authorization, state);
    if (!caller) throw jiraErrors.unauthorized();
    if (!match.route) {
      if (match.allowed) throw new JiraError(405, ['Method Not Allowed']);
      throw jiraErrors.notFound(`null for uri: ${baseUrl}${url.pathname}`);
    }
    const ctx = { caller, params: match.params, query: flatQuery(url), body, state, baseUrl, rendered };
    return match.route.handler(ctx);
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    const method = (req.method ?? 'GET').toUpperCase();
    // The site's round trip (`latencyMs`) is a floor, not a surcharge: Jira does its work while the
    // request travels and serves requests in parallel, so this single-threaded stand-in renders
    // during the round trip and answers when it is over.
    const answerAt = performance.now() + (opts.latencyMs ?? 0);
    let requestBody: unknown;
    let reply: Reply;
    try {
      requestBody = await readBody(req);
      reply = await handle(req, url, method, requestBody);
    } catch (err) {
      if (err instanceof JiraError) reply = { status: err.status, body: err.body, headers: err.headers };
      else {
        console.error({ event: 'emulator.error', path: url.pathname, error: String(err) });
        reply = { status: 500, body: { errorMessages: ['Internal server error'], errors: {} } };
      }
    }
    if (method !== 'GET' && !READING_POSTS.has(url.pathname)) rendered?.clear();
    const raw =
      reply.body instanceof RawJson
        ? reply.body.bytes
        : typeof reply.body === 'string'
          ? reply.body
          : reply.body === undefined
            ? ''
            : JSON.stringify(reply.body);
    const wait = answerAt - performance.now();
    if (wait > 0 && !url.pathname.startsWith('/__emulator/')) await sleep(wait);
    res.writeHead(reply.status, {
      ...(raw.length === 0 ? {} : { 'Content-Type': 'application/json;charset=UTF-8' }),
      ...reply.headers,
    });
    res.end(raw);
    if (!url.pathname.startsWith('/__emulator/')) {
      opts.onExchange?.({
        method,
        path: url.pathname,
        query: flatQuery(url),
        requestHeaders: flatHeaders(req),
        requestBody,
        status: reply.status,
        responseBody:
          reply.body instanceof RawJson ? JSON.parse(reply.body.bytes.toString('utf8')) : reply.body,
      });
    }
  }

  const server = createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? (address satisfies AddressInfo).port : 0;
  baseUrl = `http://127.0.0.1:${port}`;
  if (opts.prerender) {
    rendered = new RenderedIssues(state, baseUrl);
    rendered.warm();
  }
  return {
    url: baseUrl,
    faults,
    stats,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
