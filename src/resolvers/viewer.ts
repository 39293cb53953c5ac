import { clock } from '../clock';
import type { Viewer } from '../services/viewer';
import { jiraAccess } from './access';
import type { ResolverRequest } from './resolver-types';

/** The current user as the services need them: Jira as that user, their account id, the time. */
export function viewerOf(request: ResolverRequest): Viewer {
  return { asUser: jiraAccess().asUser, accountId: request.context.accountId, now: clock() };
}
