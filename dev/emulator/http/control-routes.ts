import { z } from 'zod';
import { JiraError } from './jira-error';
import { FaultRuleSchema, type FaultInjector } from './faults';
import type { Reply } from './router';

const FaultsInput = z.union([
  FaultRuleSchema,
  z.strictObject({ rules: z.array(FaultRuleSchema), seed: z.number().int().optional() }),
]);

/** `/__emulator/*`: test control over HTTP, no auth (the emulator listens on 127.0.0.1 only). */
export function controlReply(
  method: string,
  path: string,
  body: unknown,
  faults: FaultInjector,
  stats: () => unknown,
): Reply | undefined {
  if (path === '/__emulator/stats' && method === 'GET') return { status: 200, body: stats() };
  if (path !== '/__emulator/faults') return undefined;
  if (method === 'DELETE') {
    faults.clear();
    return { status: 204 };
  }
  if (method === 'GET') return { status: 200, body: { rules: faults.list() } };
  if (method !== 'POST') return undefined;
  const parsed = FaultsInput.safeParse(body);
  if (!parsed.success)
    throw new JiraError(400, [`Invalid fault rule: ${parsed.error.issues[0]?.message ?? ''}`]);
  const rules = 'rules' in parsed.data ? parsed.data.rules : [parsed.data];
  if ('seed' in parsed.data && parsed.data.seed !== undefined) faults.reseed(parsed.data.seed);
  return { status: 201, body: { ids: rules.map((r) => faults.add(r)) } };
}
