import api, { assumeTrustedRoute } from '@forge/api';
import { requestInit, withQuery, type JiraRequest, type JiraResponse, type JiraTransport } from './transport';

/** Who a Forge request acts as: the invoking user (their permissions) or the app (its own). */
export type ForgeActor = 'user' | 'app';

/**
 * Jira through Forge's egress proxy. Paths come from `jiraPath`, which encodes every value, so they are
 * trusted routes by construction.
 */
export function forgeTransport(actor: ForgeActor): JiraTransport {
  return {
    send(request: JiraRequest): Promise<JiraResponse> {
      const route = assumeTrustedRoute(withQuery(request.path, request.query));
      const requester = actor === 'user' ? api.asUser() : api.asApp();
      return requester.requestJira(route, requestInit(request));
    },
  };
}
