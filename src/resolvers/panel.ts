import { contract } from '../shared/contract';
import { listProgramEpics } from '../services/program-overview';
import { jiraAccess } from './access';
import { respond } from './respond';
import type { ResolverTable } from './resolver-types';

export const panelResolvers = {
  'panel/listEpics': (request) =>
    respond('panel/listEpics', contract['panel/listEpics'], request.payload, () =>
      listProgramEpics(jiraAccess().asUser),
    ),
} satisfies Partial<ResolverTable>;
