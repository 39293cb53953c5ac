import { contract } from '../shared/contract';
import { issueContext } from '../services/issue/issue-context';
import { issueDependencies } from '../services/issue-dependencies';
import { respond } from './respond';
import type { ResolverTable } from './resolver-types';
import { viewerOf } from './viewer';

export const issueResolvers = {
  'issue/getDependencies': (request) =>
    respond('issue/getDependencies', contract['issue/getDependencies'], request.payload, ({ issueKey }) =>
      issueDependencies(viewerOf(request), issueKey),
    ),
  'issue/getContext': (request) =>
    respond('issue/getContext', contract['issue/getContext'], request.payload, ({ issueKey }) =>
      issueContext(viewerOf(request), issueKey),
    ),
} satisfies Partial<ResolverTable>;
