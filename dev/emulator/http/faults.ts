import { z } from 'zod';

/**
 * A fault rule: which requests it matches (method + path pattern with `*` or `{param}`), when it fires
 * (from the nth matching call, at most `count` times, with a seeded probability) and what it does.
 * `bodyIncludes` narrows it to requests whose JSON body holds that text, e.g. `"10042"` for the one
 * bulk read that names issue 10042, whichever order the reads arrive in.
 */
export const FaultRuleSchema = z.strictObject({
  method: z.string().optional(),
  path: z.string().min(1),
  bodyIncludes: z.string().min(1).optional(),
  nth: z.number().int().min(1).optional(),
  count: z.number().int().min(1).optional(),
  probability: z.number().min(0).max(1).optional(),
  latencyMs: z.number().min(0).optional(),
  status: z.number().int().min(400).max(599).optional(),
  retryAfterSeconds: z.number().int().min(0).optional(),
  malformedBody: z.boolean().optional(),
  expiredPageToken: z.boolean().optional(),
});
export type FaultRule = z.input<typeof FaultRuleSchema>;

export type FaultEffect =
  | { kind: 'status'; status: number; retryAfterSeconds?: number }
  | { kind: 'malformedBody' }
  | { kind: 'expiredPageToken' };

export interface FaultDecision {
  latencyMs: number;
  effect?: FaultEffect;
}

interface ActiveRule {
  id: string;
  rule: z.output<typeof FaultRuleSchema>;
  regex: RegExp;
  seen: number;
  fired: number;
}

/** mulberry32: a tiny seeded RNG, so probabilistic faults replay identically in tests. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function patternToRegex(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\{\w+\}/g, '[^/]+').replace(/\*/g, '.*')}/?$`);
}

export class FaultInjector {
  private rules: ActiveRule[] = [];
  private random: () => number;
  private counter = 0;
  fired = 0;

  constructor(seed = 1) {
    this.random = seededRandom(seed);
  }

  /** Adds a rule (validated like the HTTP control route does); returns its id. */
  add(rule: FaultRule): string {
    const parsed = FaultRuleSchema.parse(rule);
    const id = `fault-${++this.counter}`;
    this.rules.push({ id, rule: parsed, regex: patternToRegex(parsed.path), seen: 0, fired: 0 });
    return id;
  }

  remove(id: string): void {
    this.rules = this.rules.filter((r) => r.id !== id);
  }

  clear(): void {
    this.rules = [];
  }

  reseed(seed: number): void {
    this.random = seededRandom(seed);
  }

  list(): { id: string; rule: FaultRule; seen: number; fired: number }[] {
    return this.rules.map(({ id, rule, seen, fired }) => ({ id, rule, seen, fired }));
  }

  /** Decides the faults for one request; latency adds up, the first other effect wins. */
  decide(method: string, path: string, body?: unknown): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0 };
    let bodyText: string | undefined;
    for (const active of this.rules) {
      const { rule } = active;
      if (rule.method !== undefined && rule.method.toUpperCase() !== method) continue;
      if (!active.regex.test(path)) continue;
      if (rule.bodyIncludes !== undefined) {
        bodyText ??= JSON.stringify(body ?? null);
        if (!bodyText.includes(rule.bodyIncludes)) continue;
      }
      active.seen++;
      if (rule.nth !== undefined && active.seen < rule.nth) continue;
      const limit = rule.count ?? (rule.nth !== undefined ? 1 : Infinity);
      if (active.fired >= limit) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      active.fired++;
      this.fired++;
      decision.latencyMs += rule.latencyMs ?? 0;
      if (decision.effect) continue;
      if (rule.status !== undefined)
        decision.effect = { kind: 'status', status: rule.status, retryAfterSeconds: rule.retryAfterSeconds };
      else if (rule.malformedBody) decision.effect = { kind: 'malformedBody' };
      else if (rule.expiredPageToken) decision.effect = { kind: 'expiredPageToken' };
    }
    return decision;
  }
}
