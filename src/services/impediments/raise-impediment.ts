/**
 * Raise an impediment from the blocked work (issue 14): an Impediment issue at the ladder's first
 * (Team) level, in the blocked items' project, owned by the chosen user, that blocks each chosen item.
 * The issue and its links are created as the user (Jira's create and link permissions apply); the
 * escalation history, which only the app writes, records the raise with its reason.
 */
import type { ProgramConfig } from '../../domain/config/program-config';
import { projectKeyOf } from '../../domain/issue-key';
import type { JiraClient } from '../../jira/client';
import { JiraNotFound } from '../../jira/errors';
import { findUser } from '../../jira/impediment-requests';
import { getIssue } from '../../jira/reads';
import type { RaisePayload, RaiseResult } from '../../shared/contract';
import { claimRaise, readRaiseClaim } from '../../storage/raise-claims';
import { InvalidInput, NotAllowed, VersionConflict } from '../errors';
import type { JiraAccess } from '../jira-access';
import { blockingLinkType, createImpediment } from './create-impediment';
import { impedimentSettings, type ImpedimentSettings } from './impediment-context';

/** The open, non-impediment items the user may browse; anything else is refused by name. */
async function checkBlockedItems(asUser: JiraClient, keys: readonly string[], settings: ImpedimentSettings) {
  const projects = new Set(keys.map(projectKeyOf));
  if (projects.size > 1) throw new InvalidInput('blocks', 'must all be items of one team project');
  for (const key of keys) {
    let issue;
    try {
      issue = await getIssue(asUser, key, ['status', 'issuetype']);
    } catch (error) {
      if (error instanceof JiraNotFound)
        throw new InvalidInput('blocks', `${key} does not exist or you may not see it`);
      throw error;
    }
    const type = issue.fields?.issuetype?.name;
    if (type?.toLowerCase() === settings.issueType.toLowerCase())
      throw new InvalidInput('blocks', `${key} is an impediment itself`);
    if (issue.fields?.status?.statusCategory?.key === 'done')
      throw new InvalidInput('blocks', `${key} is done`);
  }
  return [...projects][0] ?? '';
}

/** Set when a flagged item's first escalation raises the impediment: it is escalated at once. */
export interface FirstEscalation {
  reason: string;
}

export async function raiseImpediment(
  access: JiraAccess,
  config: ProgramConfig,
  payload: RaisePayload,
  accountId: string | undefined,
  nowMs: number,
  escalation?: FirstEscalation,
): Promise<RaiseResult> {
  if (!accountId) throw new NotAllowed('Sign in to Jira to raise impediments.');
  const settings = await impedimentSettings(config, access.asApp, nowMs);
  const teamLevel = settings.ladder[0]?.name ?? 'Team';
  const upper = settings.ladder[1]?.name;
  if (escalation && !upper) throw new InvalidInput('issueKey', 'the ladder has no level above the team');
  const level = escalation && upper ? upper : teamLevel;
  const blocks = [...new Set(payload.blocks)];
  const earlier = await readRaiseClaim(accountId, payload.requestId);
  if (earlier?.body.issueKey)
    return raised('already-created', earlier.body.issueKey, level, earlier.body.blocks);
  if (earlier)
    throw new VersionConflict('This impediment is being raised already; reload in a moment.', undefined);
  const project = await checkBlockedItems(access.asUser, blocks, settings);
  if (!(await findUser(access.asApp, payload.owner)))
    throw new InvalidInput('owner', `no Jira user has the account id "${payload.owner}"`);
  const link = await blockingLinkType(access.asUser, settings);
  if (!(await claimRaise(accountId, payload.requestId)))
    throw new VersionConflict('This impediment is being raised already; reload in a moment.', undefined);
  const issueKey = await createImpediment(
    { creator: access.asUser, asApp: access.asApp },
    settings,
    link,
    {
      actor: accountId,
      requestId: payload.requestId,
      project,
      summary: payload.summary,
      reason: payload.reason,
      owner: payload.owner,
      blocks,
      escalation: escalation && upper ? { to: upper, reason: escalation.reason } : undefined,
      auto: false,
    },
    nowMs,
  );
  return raised('created', issueKey, level, blocks);
}

function raised(
  outcome: RaiseResult['outcome'],
  issueKey: string,
  level: string,
  blocks: string[],
): RaiseResult {
  return {
    outcome,
    issueKey,
    level,
    blocks,
    message:
      outcome === 'created'
        ? `${issueKey} now at ${level}; it blocks ${blocks.join(', ')}.`
        : `${issueKey} was already raised for this request.`,
  };
}
