import { Queue } from '@forge/events';
import { z } from 'zod';
import { IssueKeySchema } from '../shared/contract/common';
import { ProgramIdSchema } from '../shared/contract/programs';
import { currentProgramId } from '../storage/program-scope';

/** Issue keys per targeted refresh event: 1,000 keys of at most 31 characters is ~34 KB. */
export const TARGETED_REFRESH_LIMIT = 1_000;

/** The queue named in manifest.yml (`consumer.queue`). */
export const SYNC_QUEUE_KEY = 'snapshot-rebuild';

export const SyncRequestSchema = z
  .object({
    reason: z.enum([
      'scheduled',
      'installed',
      'upgraded',
      'requested',
      'event',
      'refresh',
      'settings',
      'order',
    ]),
    /**
     * full = re-read the whole program; incremental (default) = only what changed since the last sync;
     * analysis = re-run the engine on the snapshot as it is (the config or the MetaScrum order changed).
     */
    mode: z.enum(['full', 'incremental', 'analysis']).optional(),
    /**
     * A targeted refresh: re-read exactly these issues (the ones the app itself just changed) instead
     * of searching by `updated`. Capped so one event stays far below Forge's 100 KB per event.
     */
    issues: z.array(IssueKeySchema).min(1).max(TARGETED_REFRESH_LIMIT).optional(),
    /** The program the work is for; events queued before several programs per site are `default`'s. */
    programId: ProgramIdSchema.optional(),
  })
  .strict();
export type SyncRequest = z.infer<typeof SyncRequestSchema>;

/** Slow work goes through the queue: its consumer gets 900 s where a trigger or resolver gets 25 s. */
export async function requestProgramSync(request: SyncRequest, delayInSeconds?: number): Promise<string> {
  const body = { ...request, programId: request.programId ?? currentProgramId() };
  const event = delayInSeconds === undefined ? { body } : { body, delayInSeconds };
  const { jobId } = await new Queue({ key: SYNC_QUEUE_KEY }).push([event]);
  return jobId;
}
