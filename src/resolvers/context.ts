import { contract } from '../shared/contract';
import { getMyself, hasGlobalPermission } from '../jira/reads';
import { jiraAccess } from './access';
import { respond } from './respond';
import type { ResolverTable } from './resolver-types';

export const contextResolvers = {
  'context/whoami': (request) =>
    respond('context/whoami', contract['context/whoami'], request.payload, async () => {
      const { asUser } = jiraAccess();
      const [me, isAdmin] = await Promise.all([getMyself(asUser), hasGlobalPermission(asUser, 'ADMINISTER')]);
      return { accountId: me.accountId, displayName: me.displayName ?? me.accountId, isAdmin };
    }),
} satisfies Partial<ResolverTable>;
