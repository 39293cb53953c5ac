/** A drop in the rankable backlog as the move it asks for. */
import type { RankEnd } from '@atlaskit/dynamic-table/types';
import type { PayloadOf } from '../../../../src/shared/contract';

/** A move as a row asks for it; the table adds the order version the board was loaded with. */
export type RowMove = Omit<PayloadOf<'panel/moveEpic'>, 'baseVersion'>;

/**
 * A drop as an absolute move ("after X", or "before Y" at the top of the page), the same request the move
 * buttons send, so a drop retried on the same version changes nothing more. Undefined when it moves nothing.
 */
export function dropAsMove(rank: RankEnd): RowMove | undefined {
  const { sourceKey, sourceIndex, destination } = rank;
  if (!destination || destination.index === sourceIndex) return undefined;
  if (destination.afterKey !== undefined)
    return { key: sourceKey, to: 'after', anchor: destination.afterKey };
  if (destination.beforeKey !== undefined)
    return { key: sourceKey, to: 'before', anchor: destination.beforeKey };
  return undefined;
}
