/**
 * Forge's per-installation storage and queue quotas, as the platform meters them (developer.atlassian.com
 * "KVS and Custom Entity Store limits", "Async events API" limits, 2025-2026):
 * - 1,000 KVS requests per second; 4,000 read units and 4,000 write units per minute, a unit being a
 *   request's size rounded up to 10 KB (a 65 KB request is 7 units; a transaction is one write request);
 * - queue pushes: 500 events per minute, 100 KB per event (50 events and 200 KB per push are checked by
 *   `@forge/events` itself before the request leaves).
 * A request over a rate quota is refused whole with Forge's reply: HTTP 429 `RATE_LIMIT_EXCEEDED` for
 * storage, HTTP 429 for the queue (which `@forge/events` turns into `RateLimitError`). Time comes from an
 * injected clock, so a test can run a build on a virtual minute. Units are counted, for tests and the bench.
 */
export const FORGE_QUOTAS = {
  kvsRequestsPerSecond: 1_000,
  kvsReadUnitsPerMinute: 4_000,
  kvsWriteUnitsPerMinute: 4_000,
  kvsUnitBytes: 10 * 1024,
  queueEventsPerMinute: 500,
  queueEventBytes: 100 * 1024,
  queuePushEvents: 50,
  queuePushBytes: 200 * 1024,
} as const;
export type ForgeQuotas = { -readonly [K in keyof typeof FORGE_QUOTAS]: number };

export interface KvsUsage {
  readUnits: number;
  writeUnits: number;
  requests: number;
  /** Requests refused with RATE_LIMIT_EXCEEDED. */
  rateLimited: number;
}

export class QuotaExceeded extends Error {
  constructor(message: string) {
    super(message);
  }
}

/** Units of one request of `bytes`: rounded up to the next 10 KB, at least one. */
export const unitsOf = (bytes: number, unitBytes: number = FORGE_QUOTAS.kvsUnitBytes): number =>
  Math.max(1, Math.ceil(bytes / unitBytes));

/** A sliding window of (time, amount) charges. */
class Window {
  private readonly entries: Array<{ at: number; amount: number }> = [];
  private total = 0;

  constructor(private readonly spanMs: number) {}

  used(now: number): number {
    while (this.entries.length > 0 && (this.entries[0]?.at ?? now) <= now - this.spanMs) {
      this.total -= this.entries.shift()?.amount ?? 0;
    }
    return this.total;
  }

  add(now: number, amount: number): void {
    this.entries.push({ at: now, amount });
    this.total += amount;
  }
}

export class ForgeQuotaMeter {
  readonly usage: KvsUsage = { readUnits: 0, writeUnits: 0, requests: 0, rateLimited: 0 };
  private readonly perSecond = new Window(1_000);
  private readonly reads = new Window(60_000);
  private readonly writes = new Window(60_000);
  private readonly events = new Window(60_000);

  constructor(
    private readonly clock: () => number,
    readonly limits: ForgeQuotas = { ...FORGE_QUOTAS },
  ) {}

  /** Charges one KVS request of `bytes` (a write's request, a read's reply); throws when over a quota. */
  chargeKvs(kind: 'read' | 'write', bytes: number): void {
    const now = this.clock();
    const units = unitsOf(bytes, this.limits.kvsUnitBytes);
    const window = kind === 'read' ? this.reads : this.writes;
    const limit = kind === 'read' ? this.limits.kvsReadUnitsPerMinute : this.limits.kvsWriteUnitsPerMinute;
    if (this.perSecond.used(now) + 1 > this.limits.kvsRequestsPerSecond) {
      this.refuse(`more than ${this.limits.kvsRequestsPerSecond} storage requests in a second`);
    }
    if (window.used(now) + units > limit) {
      this.refuse(`${kind} quota of ${limit} units per minute exceeded (this request: ${units} units)`);
    }
    this.perSecond.add(now, 1);
    window.add(now, units);
    this.usage.requests += 1;
    if (kind === 'read') this.usage.readUnits += units;
    else this.usage.writeUnits += units;
  }

  /** Checks one queue push of `eventBytes` per event; throws when over the per-minute event quota. */
  chargeQueue(eventCount: number): void {
    const now = this.clock();
    if (this.events.used(now) + eventCount > this.limits.queueEventsPerMinute) {
      throw new QuotaExceeded(`more than ${this.limits.queueEventsPerMinute} queue events in a minute`);
    }
    this.events.add(now, eventCount);
  }

  private refuse(message: string): never {
    this.usage.rateLimited += 1;
    throw new QuotaExceeded(message);
  }
}

/** How deep `value` nests (a scalar is 0, `{ a: 1 }` is 1); a loop with a stack, never recursion. */
export function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 0 }];
  while (stack.length > 0) {
    const top = stack.pop();
    if (!top || typeof top.node !== 'object' || top.node === null) continue;
    const depth = top.depth + 1;
    if (depth > deepest) deepest = depth;
    const children: unknown[] = Array.isArray(top.node) ? top.node : Object.values(top.node);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) stack.push({ node: child, depth });
    }
  }
  return deepest;
}
