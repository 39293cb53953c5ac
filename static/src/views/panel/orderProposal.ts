/**
 * The proposed MetaScrum order a preview sends: every epic the user sees, by current rank, with the pending
 * change applied (the whole suggested order, or one suggested move). The board is read page by page,
 * sorted by rank, because a page holds at most 100 epics and the proposal needs all of them.
 */
import type { Board } from '../../../../src/shared/contract';
import { applyMoves, type DraftMove } from '../../../../src/shared/epic-move';
import { call } from '../../api';

export type Proposal =
  | { kind: 'suggested' }
  | { kind: 'move'; key: string; to: number }
  /** A dry run's moves, applied in turn the way `panel/applyMoves` will save them. */
  | { kind: 'moves'; moves: readonly DraftMove[] };

type Row = Board['rows'][number];
const PAGE = 100;

async function allRowsByRank(): Promise<Row[]> {
  const rows: Row[] = [];
  for (let page = 1; ; page++) {
    const board = await call('panel/getBoard', { sort: 'rank', order: 'asc', page, pageSize: PAGE });
    rows.push(...board.rows);
    if (board.rows.length === 0 || rows.length >= board.total) return rows;
  }
}

/** `rows` by current rank; the order with the proposal applied. */
export function proposedKeys(rows: readonly Row[], proposal: Proposal): string[] {
  if (proposal.kind === 'suggested')
    return [...rows].sort((a, b) => a.suggestedRank - b.suggestedRank).map((r) => r.key);
  if (proposal.kind === 'moves') {
    const applied = applyMoves(
      rows.map((r) => r.key),
      proposal.moves,
    );
    // The order changed under the draft (an anchor was removed): say which move, as the save would.
    if ('failed' in applied)
      throw new Error(`Move ${applied.failed + 1} of the dry run names an epic that is no longer open.`);
    return applied.order;
  }
  const rest = rows.filter((r) => r.key !== proposal.key).map((r) => r.key);
  rest.splice(Math.max(0, proposal.to - 1), 0, proposal.key);
  return rest;
}

export async function proposalOrder(proposal: Proposal): Promise<string[]> {
  const rows = (await allRowsByRank()).sort((a, b) => a.rank - b.rank);
  return proposedKeys(rows, proposal);
}
