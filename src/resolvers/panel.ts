import { contract } from '../shared/contract';
import { listProgramEpics } from '../services/program-overview';
import { respond } from './respond';
import type { ResolverTable } from './resolver-types';
import { viewerOf } from './viewer';

export const panelResolvers = {
  'panel/listEpics': (request) =>
    respond('panel/listEpics', contract['panel/listEpics'], request.payload, () =>
      listProgramEpics(viewerOf(request)),
    ),
} satisfies Partial<ResolverTable>;
