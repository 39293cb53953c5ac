import { Queue } from '@forge/events';
import { z } from 'zod';

/** The queue named in manifest.yml (`consumer.queue`). */
export const SYNC_QUEUE_KEY = 'snapshot-rebuild';

export const SyncRequestSchema = z
  .object({ reason: z.enum(['scheduled', 'installed', 'upgraded', 'requested']) })
  .strict();
export type SyncRequest = z.infer<typeof SyncRequestSchema>;

/** Slow work goes through the queue: its consumer gets 900 s where a trigger or resolver gets 25 s. */
export async function requestProgramSync(request: SyncRequest): Promise<string> {
  const { jobId } = await new Queue({ key: SYNC_QUEUE_KEY }).push([{ body: request }]);
  return jobId;
}
