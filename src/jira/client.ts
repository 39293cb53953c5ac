/**
 * The one Jira client: every Jira call goes through {@link JiraClient.send}, which takes the request,
 * the zod schema of the reply and (at construction) the retry policy, and returns typed data or throws
 * a typed {@link JiraError}. One client serves one invocation: its deadline is the earlier of the
 * policy's (counted from its creation) and the invocation's (src/invocation-deadline.ts).
 */
import type { z } from 'zod';
import { currentDeadline, remainingMs, type Deadline } from '../invocation-deadline';
import {
  JiraBadReply,
  JiraDeadlineExceeded,
  JiraError,
  JiraForbidden,
  JiraRateLimited,
  JiraUnavailable,
} from './errors';
import { describe, errorFor, firstIssuePath, parseJson, type RawReply } from './reply-errors';
import {
  backoffMs,
  rateLimitWaitMs,
  realClock,
  retryPolicyFor,
  type Clock,
  type RetryPolicy,
} from './retry-policy';
import type { JiraRequest, JiraTransport } from './transport';

/**
 * Runs one exchange (a request and its reply's bytes) when a bounded pool lets it, as p-limit's `limit`
 * does: the pool then counts requests in flight, and a reply is parsed after its slot is free.
 */
export type ExchangeGate = <T>(exchange: () => Promise<T>) => Promise<T>;

/**
 * A request, or what builds it as it leaves (once per attempt, inside the gate): a request that waited
 * for a pool then carries what is known when it goes, not what was known when it queued.
 */
export type RequestSource = JiraRequest | (() => JiraRequest);

export interface JiraClientOptions {
  policy?: RetryPolicy;
  clock?: Clock;
  /** The invocation's deadline; by default the one the client is created under (if any). */
  deadline?: Deadline;
}

/** A reply that was not JSON: usually a cut connection, so worth another attempt on a read. */
class NotJson extends JiraBadReply {}

export class JiraClient {
  private readonly policy: RetryPolicy;
  private readonly clock: Clock;
  private readonly deadline: number;
  private readonly invocation: Deadline | undefined;
  /** Requests actually sent (attempts, retries included): the benchmark and job stats report it. */
  sentRequests = 0;

  constructor(
    private readonly transport: JiraTransport,
    options: JiraClientOptions = {},
  ) {
    this.policy = options.policy ?? retryPolicyFor('resolver');
    this.clock = options.clock ?? realClock;
    this.deadline = this.clock.now() + this.policy.deadlineMs;
    this.invocation = options.deadline ?? currentDeadline();
  }

  /** Milliseconds left before this client's deadline. */
  remainingMs(): number {
    const own = this.deadline - this.clock.now();
    return this.invocation ? Math.min(own, remainingMs(this.invocation)) : own;
  }

  /** Sends a request whose reply has a JSON body, parsed with `schema`. */
  async send<S extends z.ZodType>(
    request: RequestSource,
    schema: S,
    gate?: ExchangeGate,
  ): Promise<z.infer<S>> {
    const reply = await this.withRetries(request, true, gate);
    const parsed = schema.safeParse(reply.json);
    if (!parsed.success) {
      const path = firstIssuePath(parsed.error);
      throw new JiraBadReply(`${describe(reply.request)}: unexpected reply at ${path}`, reply.status, path);
    }
    return parsed.data;
  }

  /** Sends a request whose success reply has no body that matters (204, or a 201 we do not read). */
  async sendWithoutReply(request: JiraRequest): Promise<number> {
    return (await this.withRetries(request, false)).status;
  }

  private async withRetries(
    source: RequestSource,
    wantsJson: boolean,
    gate?: ExchangeGate,
  ): Promise<RawReply & { json: unknown; request: JiraRequest }> {
    const build = typeof source === 'function' ? source : () => source;
    let request = build();
    const idempotent = request.idempotent ?? request.method !== 'POST';
    const exchange = () => this.attempt((request = build()));
    for (let attempt = 1; ; attempt++) {
      if (this.remainingMs() <= 0) {
        throw new JiraDeadlineExceeded(`${describe(request)}: not sent, the deadline passed`, undefined);
      }
      let error: JiraError;
      try {
        // Only the exchange holds the gate's slot: the reply is parsed once the slot is free.
        const reply = await (gate ? gate(exchange) : exchange());
        if (reply.status >= 200 && reply.status < 300) {
          const json = wantsJson ? parseJson(reply.body) : undefined;
          if (!wantsJson || json !== undefined) return { ...reply, json, request };
          error = new NotJson(`${describe(request)}: the reply is not JSON`, reply.status, '(root)');
        } else {
          error = errorFor(request, reply, this.clock.now());
        }
      } catch (thrown) {
        if (!(thrown instanceof JiraError)) throw thrown;
        error = thrown;
      }
      const wait = this.waitBeforeRetry(error, attempt, idempotent);
      if (wait === undefined) throw error;
      const left = this.remainingMs();
      if (wait >= left) {
        throw new JiraDeadlineExceeded(
          `${describe(request)}: timed out after ${attempt} attempt(s); waiting ${wait} ms more ` +
            `(${error.message}) would pass the deadline (${Math.max(0, left)} ms left)`,
          error,
        );
      }
      await this.clock.sleep(wait);
    }
  }

  /** How long to wait before the next attempt, or undefined when this error is final. */
  private waitBeforeRetry(error: JiraError, attempt: number, idempotent: boolean): number | undefined {
    if (attempt >= this.policy.maxAttempts) return undefined;
    if (error instanceof JiraRateLimited) {
      // A 429 was not processed, so even a write may be repeated.
      return error.retryAfterMs <= this.policy.maxRetryAfterMs
        ? rateLimitWaitMs(this.policy, error.retryAfterMs)
        : undefined;
    }
    const transient = error instanceof JiraUnavailable || error instanceof NotJson;
    return transient && idempotent ? backoffMs(this.policy, attempt) : undefined;
  }

  /** One exchange, bounded by the request timeout (and the deadline); the body is read inside it. */
  private async attempt(request: JiraRequest): Promise<RawReply> {
    this.sentRequests++;
    const limitMs = Math.max(1, Math.min(this.policy.requestTimeoutMs, this.remainingMs()));
    const exchange = (async (): Promise<RawReply> => {
      const response = await this.transport.send(request);
      return {
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        body: response.arrayBuffer ? new Uint8Array(await response.arrayBuffer()) : await response.text(),
      };
    })();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new JiraUnavailable(`${describe(request)}: no reply within ${limitMs} ms`, undefined)),
        limitMs,
      );
    });
    // The losing exchange may still fail later: observe it so it never becomes an unhandled rejection.
    exchange.catch(() => undefined);
    try {
      return await Promise.race([exchange, timeout]);
    } catch (error) {
      throw this.transportError(request, error);
    } finally {
      clearTimeout(timer);
    }
  }

  private transportError(request: JiraRequest, error: unknown): JiraError {
    if (error instanceof JiraError) return error;
    const reason = error instanceof Error ? error.message : String(error);
    // @forge/api throws this where asUser() has no user to act for (e.g. the user never consented).
    if (error instanceof Error && error.name === 'NeedsAuthenticationError') {
      return new JiraForbidden(`${describe(request)}: ${reason}`, 401);
    }
    return new JiraUnavailable(`${describe(request)}: ${reason}`, undefined);
  }
}
