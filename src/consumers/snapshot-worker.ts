/** The queue consumer (manifest: function `snapshot-worker`, method `rebuild-snapshot`). */
import Resolver from '@forge/resolver';
import { forgeJiraAccess } from '../services/jira-access';
import { syncProgram } from '../services/program-sync';
import { SyncRequestSchema } from '../services/sync-queue';

export const SNAPSHOT_METHOD = 'rebuild-snapshot';

export async function rebuildSnapshot(body: unknown): Promise<void> {
  const parsed = SyncRequestSchema.safeParse(body);
  if (!parsed.success) {
    // A malformed event can never succeed: log it and drop it instead of letting Forge retry it.
    console.error(JSON.stringify({ event: 'sync-request-invalid', issues: parsed.error.issues.length }));
    return;
  }
  const summary = await syncProgram(forgeJiraAccess().asApp, parsed.data.reason, new Date());
  console.log(JSON.stringify({ event: 'program-synced', ...summary }));
}

export function buildSnapshotWorker() {
  const resolver = new Resolver();
  resolver.define(SNAPSHOT_METHOD, ({ payload }: { payload: unknown }) => rebuildSnapshot(payload));
  return resolver.getDefinitions();
}
