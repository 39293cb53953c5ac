import { contract } from '../shared/contract';
import { issueDependencies } from '../services/issue-dependencies';
import { jiraAccess } from './access';
import { respond } from './respond';
import type { ResolverTable } from './resolver-types';

export const issueResolvers = {
  'issue/getDependencies': (request) =>
    respond('issue/getDependencies', contract['issue/getDependencies'], request.payload, ({ issueKey }) =>
      issueDependencies(jiraAccess().asUser, issueKey),
    ),
} satisfies Partial<ResolverTable>;
