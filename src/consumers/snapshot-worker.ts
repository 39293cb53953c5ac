/**
 * The queue consumer (manifest: consumer on queue `snapshot-rebuild`, function `snapshot-worker`).
 * Since @forge/events 2, Forge invokes a consumer function with an AsyncEvent whose `body` is what was
 * pushed; it runs as the app with up to 900 s.
 */
import { z } from 'zod';
import { forgeJiraAccess } from '../services/jira-access';
import { syncProgram } from '../services/program-sync';
import { SyncRequestSchema } from '../services/sync-queue';

const AsyncEventSchema = z.looseObject({ body: SyncRequestSchema, jobId: z.string().optional() });

export async function snapshotWorker(event: unknown): Promise<void> {
  const parsed = AsyncEventSchema.safeParse(event);
  if (!parsed.success) {
    // A malformed event can never succeed: log it and drop it instead of letting Forge retry it.
    console.error(JSON.stringify({ event: 'sync-request-invalid', issues: parsed.error.issues.length }));
    return;
  }
  const summary = await syncProgram(forgeJiraAccess().asApp, parsed.data.body.reason, new Date());
  console.log(JSON.stringify({ event: 'program-synced', jobId: parsed.data.jobId, ...summary }));
}
