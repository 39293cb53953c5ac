import { requestProgramSync } from '../services/sync-queue';

/** The hourly scheduled trigger: it only enqueues, so it never runs into its own 25 s limit. */
export async function onHourlySync(): Promise<void> {
  const jobId = await requestProgramSync({ reason: 'scheduled' });
  console.log(JSON.stringify({ event: 'sync-scheduled', jobId }));
}
