/**
 * Resolvers of the Scrum of Scrums contract (src/shared/contract/sos.ts): the board is read as the
 * user sees it; the meeting mark is for the SoS Master; raising an impediment creates the issue and
 * its links as the user (Jira's permissions apply) and its history as the app.
 */
import { clock } from '../clock';
import { raiseImpediment } from '../services/impediments/raise-impediment';
import { sosBoard } from '../services/sos/sos-board';
import { markMeetingHeld } from '../services/sos/sos-meeting';
import { contract } from '../shared/contract';
import { readProgramConfig } from '../storage/program-config';
import { jiraAccess } from './access';
import { respond } from './respond';
import type { ResolverTable } from './resolver-types';
import { viewerOf } from './viewer';

export const sosResolvers = {
  'sos/getBoard': (request) =>
    respond('sos/getBoard', contract['sos/getBoard'], request.payload, async () =>
      sosBoard(viewerOf(request), jiraAccess().asApp, await readProgramConfig()),
    ),
  'sos/markMeetingHeld': (request) =>
    respond(
      'sos/markMeetingHeld',
      contract['sos/markMeetingHeld'],
      request.payload,
      async ({ baseVersion }) =>
        markMeetingHeld(viewerOf(request), jiraAccess().asApp, await readProgramConfig(), baseVersion),
    ),
  'impediment/raise': (request) =>
    respond('impediment/raise', contract['impediment/raise'], request.payload, async (payload) =>
      raiseImpediment(jiraAccess(), await readProgramConfig(), payload, request.context.accountId, clock()),
    ),
} satisfies Partial<ResolverTable>;
