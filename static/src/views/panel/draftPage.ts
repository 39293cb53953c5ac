/**
 * The board page as a dry run would leave it: the draft's moves applied in turn to the page's rows, so
 * the next move (whose "up" and "down" name the rows shown above and below) is made on the order the
 * user sees. A move to the top leaves a later page, and one to the bottom leaves an earlier one; a
 * move of an epic on another page does not change this one.
 */
import type { BoardEpic } from '../../../../src/shared/contract';
import { asMoveRequest, moveEpic, type DraftMove } from '../../../../src/shared/epic-move';

export function draftPage(
  rows: readonly BoardEpic[],
  moves: readonly DraftMove[],
  place: { first: boolean; last: boolean },
): BoardEpic[] {
  let keys = rows.map((r) => r.key);
  for (const draft of moves) {
    const move = asMoveRequest(draft);
    if (!move || !keys.includes(move.key)) continue;
    if ((move.to === 'top' && !place.first) || (move.to === 'bottom' && !place.last)) {
      keys = keys.filter((k) => k !== move.key);
      continue;
    }
    keys = moveEpic(keys, move) ?? keys;
  }
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return keys.flatMap((k) => byKey.get(k) ?? []);
}
