import { contract } from '../shared/contract';
import { issueContext } from '../services/issue/issue-context';
import { respond } from './respond';
import type { ResolverTable } from './resolver-types';
import { viewerOf } from './viewer';

export const issueResolvers = {
  'issue/getContext': (request) =>
    respond('issue/getContext', contract['issue/getContext'], request.payload, ({ issueKey }) =>
      issueContext(viewerOf(request), issueKey),
    ),
} satisfies Partial<ResolverTable>;
