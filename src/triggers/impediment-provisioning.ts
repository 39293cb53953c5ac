/**
 * `avi:forge:installed:app` / `avi:forge:upgraded:app` (manifest: trigger `metascrum-impediment-setup`):
 * provisions the Impediment issue type and the escalation-level field. Right after install the app's
 * grants can take minutes to become active, so a 401/403 asks Forge to deliver the event again later
 * by returning an `InvocationError` (Forge retries an event at most four times, after `retryAfter`
 * seconds, at most 900): 1, 2, 5 and 15 minutes. After the last retry the admin page lists the problem
 * with manual steps and a retry button. A separate trigger from the sync's lifecycle trigger, so each
 * has its own 25 s and one failing never stops the other.
 */
import { clock } from '../clock';
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { z } from 'zod';
import { JiraClient } from '../jira/client';
import { forgeTransport } from '../jira/forge-transport';
import { runProvisioning } from '../services/impediments/provisioning-run';
import { readProgramConfig } from '../storage/program-config';

/** Seconds before retry n + 1 (Forge caps retryAfter at 900 and allows four retries). */
export const PROVISIONING_BACKOFF_S = [60, 120, 300, 900] as const;

const LifecycleEventSchema = z.looseObject({
  eventType: z.string(),
  retryContext: z.looseObject({ retryCount: z.number().int().min(0) }).optional(),
});

export async function onImpedimentSetup(event: unknown): Promise<InvocationError | undefined> {
  const parsed = LifecycleEventSchema.safeParse(event);
  if (!parsed.success) {
    console.error(JSON.stringify({ event: 'impediment-setup-invalid' }));
    return undefined;
  }
  const retryCount = parsed.data.retryContext?.retryCount ?? 0;
  const retryAfter = PROVISIONING_BACKOFF_S[retryCount];
  const asApp = new JiraClient(forgeTransport('app'));
  const run = await runProvisioning(asApp, await readProgramConfig(), retryAfter !== undefined, clock());
  console.log(
    JSON.stringify({
      event: 'impediment-setup',
      state: run.status.state,
      retryCount,
      changes: run.status.changes.length,
    }),
  );
  if (!run.forbidden || retryAfter === undefined) return undefined;
  return new InvocationError({
    retryAfter,
    retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
    retryData: { step: 'provisioning', attempt: run.status.attempts },
  });
}
