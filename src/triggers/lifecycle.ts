/**
 * `avi:forge:installed:app` and `avi:forge:upgraded:app`: remember when, and ask every program for a full
 * build (an upgrade may change what a snapshot stores).
 * Forge may deliver an event twice; recording the same timestamp again is harmless.
 */
import { clock } from '../clock';
import { z } from 'zod';
import { readLifecycle, writeLifecycle } from '../storage/lifecycle';
import { requestSnapshotJob } from '../services/snapshot/snapshot-requests';
import { forEachProgram } from '../services/programs/each-program';

const LifecycleEventSchema = z.looseObject({
  eventType: z.string(),
  context: z.looseObject({ cloudId: z.string().optional() }).optional(),
});

export async function onLifecycleEvent(event: unknown): Promise<void> {
  const parsed = LifecycleEventSchema.safeParse(event);
  if (!parsed.success) {
    console.error(JSON.stringify({ event: 'lifecycle-event-invalid' }));
    return;
  }
  const installed = parsed.data.eventType === 'avi:forge:installed:app';
  const now = new Date(clock()).toISOString();
  const record = await readLifecycle();
  await writeLifecycle(installed ? { ...record, installedAt: now } : { ...record, lastUpgradeAt: now });
  await forEachProgram('lifecycle-build', async () => {
    await requestSnapshotJob({ reason: installed ? 'installed' : 'upgraded', mode: 'full' }, clock());
  });
  console.log(JSON.stringify({ event: 'lifecycle', type: parsed.data.eventType }));
}
