/**
 * What Forge does when the app is installed, done by the preview at start: the install event reaches
 * both lifecycle triggers (installed date, first sync request; Impediment provisioning), then the queue
 * delivers the first full build. So the admin page shows the preview's real state ("provisioned on ...")
 * instead of "Not run yet". Against a real site (JIRA_SITE) the token's owner is not the app and the
 * site was provisioned by its own install: nothing is changed there, and only the first build runs.
 */
import { onImpedimentSetup, onLifecycleEvent, snapshotWorker } from '../../src/index';
import type { ForgeRuntimeDouble } from '../../test/doubles/forge-runtime';

const INSTALLED = { eventType: 'avi:forge:installed:app' };

/** Runs every queued consumer job (rebuilds, refreshes) as Forge would deliver it. */
export async function deliverQueue(runtime: ForgeRuntimeDouble): Promise<void> {
  for (const event of runtime.queue.splice(0)) {
    const pushed = event.payload;
    const bodies =
      typeof pushed === 'object' && pushed !== null && 'payload' in pushed && Array.isArray(pushed.payload)
        ? pushed.payload.map((p: unknown) =>
            typeof p === 'object' && p !== null && 'body' in p ? p.body : p,
          )
        : [];
    for (const body of bodies) await runtime.runAsApp(() => snapshotWorker({ body, jobId: event.jobId }));
  }
}

export async function deliverInstallEvents(runtime: ForgeRuntimeDouble, demo: boolean): Promise<void> {
  if (!demo) {
    await runtime.runAsApp(() =>
      snapshotWorker({ body: { reason: 'installed', mode: 'full' }, jobId: 'preview' }),
    );
    return;
  }
  await runtime.runAsApp(() => onLifecycleEvent(INSTALLED));
  const retry = await runtime.runAsApp(() => onImpedimentSetup(INSTALLED));
  if (retry) console.error(JSON.stringify({ event: 'preview-provisioning-refused' }));
  await deliverQueue(runtime);
}
