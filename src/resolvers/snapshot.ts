import { contract } from '../shared/contract';
import { refreshOnRequest, snapshotStatus } from '../services/snapshot/snapshot-requests';
import { respond } from './respond';
import type { ResolverTable } from './resolver-types';

/** Snapshot age and progress, and an incremental refresh: open to every user (they reveal no issue). */
export const snapshotResolvers = {
  'snapshot/getStatus': (request) =>
    respond('snapshot/getStatus', contract['snapshot/getStatus'], request.payload, () =>
      snapshotStatus(Date.now()),
    ),
  'snapshot/requestRefresh': (request) =>
    respond('snapshot/requestRefresh', contract['snapshot/requestRefresh'], request.payload, () =>
      refreshOnRequest(Date.now()),
    ),
} satisfies Partial<ResolverTable>;
