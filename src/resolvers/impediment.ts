/**
 * Resolvers of the impediment contract (src/shared/impediment-contract.ts). Reads go through the user
 * (Jira hides what they may not browse); moves check EDIT_ISSUES as the user, then write as the app;
 * provisioning is for Jira administrators only (checked first).
 */
import { clock } from '../clock';
import type { LadderAction } from '../domain/impediments/escalation-ladder';
import { getImpediment } from '../services/impediments/get-impediment';
import { impedimentBacklogs, impedimentMetricsFor } from '../services/impediments/impediment-backlogs';
import { moveImpediment } from '../services/impediments/move-impediment';
import { runProvisioning } from '../services/impediments/provisioning-run';
import { contract } from '../shared/contract';
import { readProvisioning } from '../storage/impediments-provisioning';
import { readProgramConfig } from '../storage/program-config';
import { jiraAccess, requireJiraAdmin } from './access';
import { respond } from './respond';
import type { ResolverRequest, ResolverTable } from './resolver-types';
import { viewerOf } from './viewer';

type MoveKey = 'impediment/escalate' | 'impediment/deEscalate' | 'impediment/resolve';

function moveResolver(key: MoveKey, action: LadderAction) {
  return (request: ResolverRequest) =>
    respond(key, contract[key], request.payload, async (payload) =>
      moveImpediment(
        jiraAccess(),
        await readProgramConfig(),
        action,
        payload,
        request.context.accountId,
        clock(),
      ),
    );
}

export const impedimentResolvers = {
  'impediment/get': (request) =>
    respond('impediment/get', contract['impediment/get'], request.payload, async ({ issueKey }) =>
      getImpediment(jiraAccess(), await readProgramConfig(), issueKey, clock()),
    ),
  'impediment/escalate': moveResolver('impediment/escalate', 'escalate'),
  'impediment/deEscalate': moveResolver('impediment/deEscalate', 'de-escalate'),
  'impediment/resolve': moveResolver('impediment/resolve', 'resolve'),
  'impediment/listBacklogs': (request) =>
    respond(
      'impediment/listBacklogs',
      contract['impediment/listBacklogs'],
      request.payload,
      async ({ levels }) =>
        impedimentBacklogs(viewerOf(request), jiraAccess().asApp, await readProgramConfig(), levels),
    ),
  'impediment/getMetrics': (request) =>
    respond('impediment/getMetrics', contract['impediment/getMetrics'], request.payload, async () =>
      impedimentMetricsFor(viewerOf(request), jiraAccess().asApp, await readProgramConfig()),
    ),
  'impediment/getProvisioning': (request) =>
    respond(
      'impediment/getProvisioning',
      contract['impediment/getProvisioning'],
      request.payload,
      async () => {
        await requireJiraAdmin(jiraAccess().asUser);
        return readProvisioning();
      },
    ),
  'impediment/retryProvisioning': (request) =>
    respond(
      'impediment/retryProvisioning',
      contract['impediment/retryProvisioning'],
      request.payload,
      async () => {
        const access = jiraAccess();
        await requireJiraAdmin(access.asUser);
        return (await runProvisioning(access.asApp, await readProgramConfig(), false, clock())).status;
      },
    ),
} satisfies Partial<ResolverTable>;
