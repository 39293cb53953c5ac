import { clock } from '../clock';
import { requestSnapshotJob } from '../services/snapshot/snapshot-requests';
import { forEachProgram } from '../services/programs/each-program';

/**
 * The hourly scheduled trigger: it only enqueues an incremental refresh (which becomes a full rebuild
 * once a day) for each program, so it never runs into its own 25 s limit.
 */
export async function onHourlySync(): Promise<void> {
  await forEachProgram('sync-scheduled', async (program) => {
    const job = await requestSnapshotJob({ reason: 'scheduled', mode: 'incremental' }, clock());
    console.log(
      JSON.stringify({ event: 'sync-scheduled', programId: program.id, kind: job.kind, phase: job.phase }),
    );
  });
}
