import { clock } from '../clock';
import { requestSnapshotJob } from '../services/snapshot/snapshot-requests';

/**
 * The hourly scheduled trigger: it only enqueues an incremental refresh (which becomes a full rebuild
 * once a day), so it never runs into its own 25 s limit.
 */
export async function onHourlySync(): Promise<void> {
  const job = await requestSnapshotJob({ reason: 'scheduled', mode: 'incremental' }, clock());
  console.log(JSON.stringify({ event: 'sync-scheduled', kind: job.kind, phase: job.phase }));
}
