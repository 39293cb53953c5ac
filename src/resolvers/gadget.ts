import { contract } from '../shared/contract';
import { gadgetOverview } from '../services/program-overview';
import { jiraAccess } from './access';
import { respond } from './respond';
import type { ResolverTable } from './resolver-types';

export const gadgetResolvers = {
  'gadget/getOverview': (request) =>
    respond('gadget/getOverview', contract['gadget/getOverview'], request.payload, ({ config }) =>
      gadgetOverview(jiraAccess().asUser, config),
    ),
} satisfies Partial<ResolverTable>;
