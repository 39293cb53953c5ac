/** Reads the app's escalation history property (`{ version: 1, history: [...] }`) leniently. */
import type { EscalationStep } from '../model/program-model';
import { EscalationPropertySchema } from './issue-schema';
import { readDateMs } from './jira-values';

export function escalationHistoryOf(raw: unknown): EscalationStep[] {
  if (raw === undefined) return [];
  const parsed = EscalationPropertySchema.safeParse(raw);
  if (!parsed.success) return [];
  const steps: EscalationStep[] = [];
  for (const step of parsed.data.history) {
    const atMs = readDateMs(step?.at);
    if (!step || atMs === undefined) continue;
    steps.push({
      from: step.from ?? undefined,
      fromId: step.fromId ?? undefined,
      to: step.to,
      toId: step.toId ?? undefined,
      atMs,
      by: step.by ?? undefined,
      reason: step.reason ?? undefined,
    });
  }
  return steps.sort((a, b) => a.atMs - b.atMs);
}
