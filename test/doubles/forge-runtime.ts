/**
 * The only double of the Forge platform. The real `@forge/api`, `@forge/kvs`, `@forge/events` and
 * `@forge/resolver` packages run unchanged; what is replaced is what Forge's runtime provides them:
 * `global.__forge_fetch__` (the egress proxy) and `global.__forge_runtime__`. So:
 * - `api.asUser().requestJira(...)` reaches Jira as the invoking user, `asApp()` as the app;
 * - `kvs` talks to {@link KvsStore}, which enforces the real storage limits;
 * - queue pushes are recorded (and can be delivered to a consumer by the test or the preview).
 * Jira is the emulator (`Bearer app` / `Bearer user:<accountId>`) or a real site (Basic auth, where
 * both asApp and asUser act as the API token's owner: that is the best a site token can do).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
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

function jsonResponse(status: number, body: unknown): Response {
  const text = body === undefined ? '' : JSON.stringify(body);
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

export function installForgeRuntime(opts: JiraTarget | { jiraBaseUrl: string }): ForgeRuntimeDouble {
  const target: JiraTarget = 'jiraBaseUrl' in opts ? { baseUrl: opts.jiraBaseUrl } : opts;
  const principal = new AsyncLocalStorage<Principal>();
  const kvs = new KvsStore();
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
      reply = jsonResponse(
        200,
        kvs.handle(path, text ? JSON.parse(text) : {}, Buffer.byteLength(text, 'utf8')),
      );
    } catch (error) {
      if (!(error instanceof KvsFailure)) throw error;
      reply = jsonResponse(error.status, { code: error.code, message: error.message });
    }
    if (delay > 0) await pause(delay / 2);
    return reply;
  }

  async function requestQueue(path: string, init: RequestInit | undefined): Promise<Response> {
    if (!path.startsWith('/webhook/queue/publish/'))
      return jsonResponse(404, { message: `not emulated: ${path}` });
    const pushed: unknown = JSON.parse(await bodyText(init));
    if (typeof pushed === 'object' && pushed !== null && 'queueName' in pushed && 'jobId' in pushed) {
      queue.push({ queueName: String(pushed.queueName), jobId: String(pushed.jobId), payload: pushed });
    }
    return jsonResponse(201, {});
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
