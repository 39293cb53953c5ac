import { clock } from '../clock';
import { contract } from '../shared/contract';
import { refreshOnRequest, snapshotStatus } from '../services/snapshot/snapshot-requests';
import { browsableProjectsOf } from '../services/user-access';
import { respond } from './respond';
import type { ResolverRequest, ResolverTable } from './resolver-types';
import { viewerOf } from './viewer';

async function visibleTo(request: ResolverRequest): Promise<Set<string>> {
  const viewer = viewerOf(request);
  return new Set((await browsableProjectsOf(viewer.asUser, viewer.accountId, viewer.now)).keys());
}

/** Snapshot age and progress, and an incremental refresh: open to every user (they reveal no issue). */
export const snapshotResolvers = {
  'snapshot/getStatus': (request) =>
    respond('snapshot/getStatus', contract['snapshot/getStatus'], request.payload, async () =>
      snapshotStatus(clock(), await visibleTo(request)),
    ),
  'snapshot/requestRefresh': (request) =>
    respond('snapshot/requestRefresh', contract['snapshot/requestRefresh'], request.payload, async () =>
      refreshOnRequest(clock(), await visibleTo(request)),
    ),
} satisfies Partial<ResolverTable>;
