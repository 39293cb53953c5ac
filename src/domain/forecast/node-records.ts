/**
 * The trials' per-node state as one 4-number record, so that following a dependency edge reads and
 * writes one small record (the trials' cost at 100k issues is these random reads: the smaller the
 * records, the more of them stay in the CPU cache):
 * - FLAGS: open prerequisites x 2, + 1 once the team skipped the node ("parked");
 * - READY: when it becomes workable, as a time rank (time-ranks.ts), the latest end of its
 *   prerequisites' sprints;
 * - BOUND: which of its prerequisites set READY, as an index into its own prerequisite list, or -1;
 * - TEAM: its team (calendar index), read with the record when the node becomes workable.
 * Int16 records (8 bytes) when every value fits, which holds for any real program; Int32 otherwise.
 */
import type { ForecastNetwork } from './forecast-network';

/** Offsets in a record of `STRIDE` numbers. The trials copy them into locals: read through an import, each use is a call. */
export const RECORD = { STRIDE: 4, FLAGS: 0, READY: 1, BOUND: 2, TEAM: 3 } as const;
const { STRIDE, FLAGS, BOUND, TEAM } = RECORD;

export type NodeRecords = Int16Array | Int32Array;

const INT16_MAX = 32767;

/** The records each trial starts from: workable from the start (rank 0), every prerequisite open. */
export function initialRecords(net: ForecastNetwork, timeRanks: number): NodeRecords {
  const n = net.points.length;
  let widest = Math.max(timeRanks, net.calendars.length);
  for (let v = 0; v < n; v++)
    widest = Math.max(widest, 2 * ((net.preStart[v + 1] ?? 0) - (net.preStart[v] ?? 0)) + 1);
  const records = widest <= INT16_MAX ? new Int16Array(n * STRIDE) : new Int32Array(n * STRIDE);
  for (let v = 0; v < n; v++) {
    records[v * STRIDE + FLAGS] = 2 * ((net.preStart[v + 1] ?? 0) - (net.preStart[v] ?? 0));
    records[v * STRIDE + BOUND] = -1;
    records[v * STRIDE + TEAM] = net.teamOf[v] ?? 0;
  }
  return records;
}

/** Per dependency edge (depNodes order): the edge's position in its dependant's prerequisite list. */
export function edgeBounds(net: ForecastNetwork): NodeRecords {
  const local = net.depSlots.map((slot, e) => slot - (net.preStart[net.depNodes[e] ?? 0] ?? 0));
  return local.every((x) => x <= INT16_MAX) ? Int16Array.from(local) : local;
}
