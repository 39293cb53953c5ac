import { contract } from '../shared/contract';
import {
  acceptSuggestedMove,
  acceptSuggestedOrder,
  applyBoardMoves,
  exportBoardCsv,
  getBoard,
  moveBoardEpic,
} from '../services/panel/board';
import { dependencyMap, refinementAgenda } from '../services/panel/map-and-agenda';
import { previewOrder } from '../services/panel/order-preview';
import { applyRankFlow, previewRankFlow } from '../services/panel/rank-flow';
import { respond } from './respond';
import type { ResolverTable } from './resolver-types';
import { viewerOf } from './viewer';

export const panelResolvers = {
  'panel/getBoard': (request) =>
    respond('panel/getBoard', contract['panel/getBoard'], request.payload, (query) =>
      getBoard(viewerOf(request), query),
    ),
  'panel/moveEpic': (request) =>
    respond('panel/moveEpic', contract['panel/moveEpic'], request.payload, (move) =>
      moveBoardEpic(
        viewerOf(request),
        move.to === 'before' || move.to === 'after'
          ? { key: move.key, to: move.to, anchor: move.anchor ?? '' }
          : { key: move.key, to: move.to },
        move.baseVersion,
      ),
    ),
  'panel/applyMoves': (request) =>
    respond('panel/applyMoves', contract['panel/applyMoves'], request.payload, ({ moves, baseVersion }) =>
      applyBoardMoves(viewerOf(request), moves, baseVersion),
    ),
  'panel/acceptSuggestedOrder': (request) =>
    respond(
      'panel/acceptSuggestedOrder',
      contract['panel/acceptSuggestedOrder'],
      request.payload,
      ({ baseVersion }) => acceptSuggestedOrder(viewerOf(request), baseVersion),
    ),
  'panel/acceptSuggestedMove': (request) =>
    respond(
      'panel/acceptSuggestedMove',
      contract['panel/acceptSuggestedMove'],
      request.payload,
      ({ key, baseVersion }) => acceptSuggestedMove(viewerOf(request), key, baseVersion),
    ),
  'panel/previewOrder': (request) =>
    respond('panel/previewOrder', contract['panel/previewOrder'], request.payload, ({ order }) =>
      previewOrder(viewerOf(request), order),
    ),
  'panel/previewRankFlow': (request) =>
    respond('panel/previewRankFlow', contract['panel/previewRankFlow'], request.payload, () =>
      previewRankFlow(viewerOf(request)),
    ),
  'panel/applyRankFlow': (request) =>
    respond('panel/applyRankFlow', contract['panel/applyRankFlow'], request.payload, ({ teams }) =>
      applyRankFlow(viewerOf(request), teams),
    ),
  'panel/getDependencyMap': (request) =>
    respond('panel/getDependencyMap', contract['panel/getDependencyMap'], request.payload, ({ team }) =>
      dependencyMap(viewerOf(request), team),
    ),
  'panel/getAgenda': (request) =>
    respond('panel/getAgenda', contract['panel/getAgenda'], request.payload, ({ limit }) =>
      refinementAgenda(viewerOf(request), limit),
    ),
  'panel/exportCsv': (request) =>
    respond('panel/exportCsv', contract['panel/exportCsv'], request.payload, (filter) =>
      exportBoardCsv(viewerOf(request), filter),
    ),
} satisfies Partial<ResolverTable>;
