/** Resolvers of the owner picker (src/shared/contract/owners.ts): asked of Jira as the user. */
import { describeOwners, findOwners } from '../services/owners/owner-directory';
import { contract } from '../shared/contract';
import { jiraAccess } from './access';
import { respond } from './respond';
import type { ResolverTable } from './resolver-types';

export const ownerResolvers = {
  'owners/find': (request) =>
    respond('owners/find', contract['owners/find'], request.payload, async ({ query, kinds }) =>
      findOwners(jiraAccess().asUser, query, kinds),
    ),
  'owners/describe': (request) =>
    respond('owners/describe', contract['owners/describe'], request.payload, async ({ owners }) =>
      describeOwners(jiraAccess().asUser, owners),
    ),
} satisfies Partial<ResolverTable>;
