/**
 * The only double of the Forge platform. The real `@forge/api`, `@forge/kvs`, `@forge/events` and
 * `@forge/resolver` packages run unchanged; what is replaced is what Forge's runtime provides them:
 * `global.__forge_fetch__` (the egress proxy) and `global.__forge_runtime__`. So:
 * - `api.asUser().requestJira(...)` reaches Jira as the invoking user, `asApp()` as the app;
 * - `kvs` talks to {@link KvsStore}, which enforces the real storage limits, and every request is
 *   metered against Forge's per-installation quotas ({@link ForgeQuotaMeter}) on an injected clock;
 * - queue pushes are checked against the queue quotas and recorded (a test or the preview may deliver
 *   them to a consumer).
 * Jira is the emulator (`Bearer app` / `Bearer user:<accountId>`) or a real site (Basic auth, where
 * both asApp and asUser act as the API token's owner: that is the best a site token can do).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { clock as appClock } from '../../src/clock';
import { ForgeQuotaMeter, QuotaExceeded, type ForgeQuotas, type KvsUsage } from './kvs-quota';
import { KvsFailure, KvsStore } from './kvs-store';

export interface ForgeUiContext {
  accountId?: string;
  cloudId?: string;
  localId?: string;
  moduleKey: string;
  siteUrl?: string;
  extension: Record<string, unknown> & { type: string };
  [key: string]: unknown;
}

export interface ResolverRequest {
  call: { functionKey: string; payload: unknown };
  context: Record<string, unknown>;
}
export type ResolverHandler = (
  request: ResolverRequest,
  backend: { principal?: { accountId: string }; installContext: string },
) => Promise<unknown>;

export interface JiraTarget {
  baseUrl: string;
  /** Basic credentials for a real site; absent for the emulator. */
  basic?: { email: string; apiToken: string };
}

export interface QueuedEvent {
  queueName: string;
  jobId: string;
  payload: unknown;
}

export interface ForgeRuntimeDouble {
  readonly kvs: KvsStore;
  readonly queue: QueuedEvent[];
  /** Read and write units and requests the app has spent so far (and how many were rate-limited). */
  readonly kvsUsage: KvsUsage;
  /** The meter itself (its limits can be lowered by a test that wants to reach them quickly). */
  readonly quota: ForgeQuotaMeter;
  /**
   * Delays every storage call by `delayMs()` (half before it is applied, half after), so that tests can
   * interleave concurrent jobs the way a loaded storage service does. Undefined = no delay.
   */
  setKvsDelay(delayMs: (() => number) | undefined): void;
  /** Calls a resolver handler exactly as Forge does, as the given user; returns what the UI would get. */
  invoke(
    handler: ResolverHandler,
    call: { functionKey: string; payload: unknown },
    as: { accountId: string; context: ForgeUiContext },
  ): Promise<unknown>;
  /** Runs a trigger or consumer body with no user, as Forge runs them (asUser() is then refused). */
  runAsApp<T>(fn: () => Promise<T>): Promise<T>;
  uninstall(): void;
}

interface Principal {
  accountId: string | undefined;
}

interface FetchTarget {
  type?: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

const INSTALL_CONTEXT = 'ari:cloud:jira::site/00000000-0000-0000-0000-000000000001';

/** KVS paths that read (metered in read units by their reply's size); every other path writes. */
const KVS_READS = new Set([
  '/api/v1/get',
  '/api/v1/query',
  '/api/v1/batch/get',
  '/api/v1/entity/get',
  '/api/v1/entity/query',
]);

export interface ForgeRuntimeOptions {
  /** The clock the quotas' minutes and the stored timestamps run on; default the app's clock seam. */
  clock?: () => number;
  /** Quotas other than Forge's (a test reaching them with a small program). */
  quotas?: Partial<ForgeQuotas>;
}

function jsonResponse(status: number, body: unknown): Response {
  const text = body === undefined ? '' : JSON.stringify(body);
  return jsonText(status, text);
}

function jsonText(status: number, text: string): Response {
  return new Response(status === 204 ? null : text, {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function authorization(
  target: JiraTarget,
  provider: string | undefined,
  accountId: string | undefined,
): string {
  if (target.basic) {
    return `Basic ${Buffer.from(`${target.basic.email}:${target.basic.apiToken}`).toString('base64')}`;
  }
  return provider === 'user' ? `Bearer user:${accountId ?? ''}` : 'Bearer app';
}

async function bodyText(init: RequestInit | undefined): Promise<string> {
  if (init?.body === undefined || init.body === null) return '';
  return new Response(init.body).text();
}

export function installForgeRuntime(
  opts: JiraTarget | { jiraBaseUrl: string },
  options: ForgeRuntimeOptions = {},
): ForgeRuntimeDouble {
  const target: JiraTarget = 'jiraBaseUrl' in opts ? { baseUrl: opts.jiraBaseUrl } : opts;
  const principal = new AsyncLocalStorage<Principal>();
  const now = options.clock ?? appClock;
  const quota = new ForgeQuotaMeter(now);
  Object.assign(quota.limits, options.quotas);
  const kvs = new KvsStore();
  kvs.clock = now;
  const queue: QueuedEvent[] = [];
  let kvsDelay: (() => number) | undefined;
  const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

  async function requestJira(t: FetchTarget, path: string, init: RequestInit | undefined): Promise<Response> {
    const accountId = t.accountId ?? principal.getStore()?.accountId;
    if (t.provider === 'user' && !accountId) {
      // Forge refuses asUser() where there is no user (triggers, consumers, scheduled functions).
      return new Response('', { status: 401, headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' } });
    }
    const headers = new Headers(init?.headers);
    headers.set('authorization', authorization(target, t.provider, accountId));
    return fetch(new URL(path, target.baseUrl), { ...init, headers });
  }

  async function requestKvs(path: string, init: RequestInit | undefined): Promise<Response> {
    const delay = kvsDelay?.() ?? 0;
    if (delay > 0) await pause(delay / 2);
    let reply: Response;
    try {
      const text = await bodyText(init);
      const bytes = Buffer.byteLength(text, 'utf8');
      const reads = KVS_READS.has(path);
      // A write is metered (and refused) before it is applied; a read by the size of what it returns.
      if (!reads) quota.chargeKvs('write', bytes);
      const replyText = JSON.stringify(kvs.handle(path, text ? JSON.parse(text) : {}, bytes)) ?? '';
      if (reads) quota.chargeKvs('read', Buffer.byteLength(replyText, 'utf8'));
      reply = jsonText(200, replyText);
    } catch (error) {
      if (error instanceof QuotaExceeded) {
        reply = jsonResponse(429, { code: 'RATE_LIMIT_EXCEEDED', message: error.message });
      } else if (error instanceof KvsFailure) {
        reply = jsonResponse(error.status, { code: error.code, message: error.message });
      } else throw error;
    }
    if (delay > 0) await pause(delay / 2);
    return reply;
  }

  async function requestQueue(path: string, init: RequestInit | undefined): Promise<Response> {
    if (!path.startsWith('/webhook/queue/publish/'))
      return jsonResponse(404, { message: `not emulated: ${path}` });
    const pushed: unknown = JSON.parse(await bodyText(init));
    const refused = queueRefusal(pushed);
    if (refused) return refused;
    if (typeof pushed === 'object' && pushed !== null && 'queueName' in pushed && 'jobId' in pushed) {
      queue.push({ queueName: String(pushed.queueName), jobId: String(pushed.jobId), payload: pushed });
    }
    return jsonResponse(201, {});
  }

  /** Forge's queue quotas on one push; undefined = accepted. */
  function queueRefusal(pushed: unknown): Response | undefined {
    const events: unknown =
      typeof pushed === 'object' && pushed !== null ? Reflect.get(pushed, 'payload') : [];
    const list = Array.isArray(events) ? events : [];
    const limits = quota.limits;
    const bytes = Buffer.byteLength(JSON.stringify(list), 'utf8');
    if (list.length > limits.queuePushEvents || bytes > limits.queuePushBytes) {
      return jsonResponse(413, { errorMessage: `a push allows ${limits.queuePushEvents} events and 200 KB` });
    }
    const large = list.findIndex(
      (e) => Buffer.byteLength(JSON.stringify(e), 'utf8') > limits.queueEventBytes,
    );
    if (large >= 0) return jsonResponse(413, { errorMessage: `event ${large} is over 100 KB` });
    try {
      quota.chargeQueue(list.length);
    } catch (error) {
      if (error instanceof QuotaExceeded) return jsonResponse(429, { message: error.message });
      throw error;
    }
    return undefined;
  }

  const forgeFetch = async (t: FetchTarget, path: string, init?: RequestInit): Promise<Response> => {
    if (t.type === 'kvs') return requestKvs(path, init);
    if (t.remote === 'jira') return requestJira(t, path, init);
    if (t.remote === 'stargate') return requestQueue(path, init);
    return jsonResponse(501, { message: `the Forge double does not emulate ${JSON.stringify(t)} ${path}` });
  };

  const noopTimer = { measure: () => ({ stop: () => undefined }) };
  const runtime = {
    proxy: { token: 'double', url: 'http://forge-proxy.invalid' },
    metrics: { counter: () => ({ incr: () => undefined }), timing: () => noopTimer },
    appContext: {
      appId: '00000000-0000-0000-0000-000000000000',
      appVersion: '0.1.0',
      environmentId: 'local',
      environmentType: 'DEVELOPMENT',
      installationId: 'local-installation',
      moduleKey: 'local',
    },
    lambdaContext: { getRemainingTimeInMillis: () => 25_000 },
    tracing: { traceId: 'local', spanId: 'local' },
  };

  const globals = globalThis as Record<string, unknown>;
  const previous = { fetch: globals.__forge_fetch__, runtime: globals.__forge_runtime__ };
  globals.__forge_fetch__ = forgeFetch;
  globals.__forge_runtime__ = runtime;

  return {
    kvs,
    queue,
    kvsUsage: quota.usage,
    quota,
    setKvsDelay: (delayMs) => {
      kvsDelay = delayMs;
    },
    invoke: (handler, call, as) =>
      principal.run({ accountId: as.accountId }, () =>
        handler(
          { call, context: { ...as.context, accountId: as.accountId, installContext: INSTALL_CONTEXT } },
          { principal: { accountId: as.accountId }, installContext: INSTALL_CONTEXT },
        ),
      ),
    runAsApp: (fn) => principal.run({ accountId: undefined }, fn),
    uninstall: () => {
      globals.__forge_fetch__ = previous.fetch;
      globals.__forge_runtime__ = previous.runtime;
    },
  };
}
