/**
 * Creating a raised Impediment issue, for a person (raise-impediment.ts) and for the app (a slip
 * alert, services/alerts/slip-impediments.ts): the issue at its level, the claim completed with its
 * key (so a retried request finds it), the escalation history only the app writes, the blocking
 * links, and a targeted refresh so the views follow within seconds. The caller holds the claim.
 */
import { requestTargetedRefresh } from '../snapshot/snapshot-requests';
import { storedEscalationRecord, type EscalationMove } from '../../domain/impediments/escalation-record';
import type { JiraClient } from '../../jira/client';
import { putIssueProperty } from '../../jira/impediment-requests';
import { createIssue, createIssueLink } from '../../jira/issue-create-requests';
import { listIssueLinkTypes } from '../../jira/reads';
import { completeRaise, releaseRaise } from '../../storage/raise-claims';
import { InvalidInput } from '../errors';
import type { ImpedimentSettings } from './impediment-context';

export interface BlockingLink {
  name: string;
  sourceProvides: boolean;
}

export interface NewImpediment {
  /** Who raises it: the claim's owner and the history's author (an account id, or the app). */
  actor: string;
  requestId: string;
  project: string;
  summary: string;
  reason: string;
  owner: string | undefined;
  blocks: string[];
  /** Set when the impediment starts one level up: its history says raised at Team, then escalated. */
  escalation?: { to: string; reason: string } | undefined;
  auto: boolean;
}

function adfText(...paragraphs: string[]) {
  return {
    type: 'doc',
    version: 1,
    content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}

/** The link type that makes "impediment blocks item" a dependency under the program's link types. */
export async function blockingLinkType(
  client: JiraClient,
  settings: ImpedimentSettings,
): Promise<BlockingLink> {
  const types = await listIssueLinkTypes(client);
  const dependencies = types.flatMap((t) => {
    const polarity = settings.polarityOf({ name: t.name, inward: t.inward, outward: t.outward });
    return polarity ? [{ name: t.name, sourceProvides: polarity.polarity === 'source-provides' }] : [];
  });
  const chosen = dependencies.find((d) => d.name === 'Blocks') ?? dependencies[0];
  if (!chosen)
    throw new InvalidInput('blocks', 'the program has no dependency link type to block items with');
  return chosen;
}

function historyOf(request: NewImpediment, teamLevel: string, at: string): EscalationMove[] {
  const { actor, requestId, reason, auto, escalation } = request;
  const raise: EscalationMove = {
    id: `raise:${actor}:${requestId}`,
    action: 'raise',
    from: null,
    to: teamLevel,
    at,
    by: actor,
    reason,
    auto,
    commentId: null,
  };
  if (!escalation) return [raise];
  return [
    raise,
    {
      id: `escalate:${actor}:${requestId}`,
      action: 'escalate',
      from: teamLevel,
      to: escalation.to,
      at,
      by: actor,
      reason: escalation.reason,
      auto,
      commentId: null,
    },
  ];
}

/**
 * Creates the issue with `creator` (the user's client, or the app's) and writes the history with
 * `asApp`. A failed create frees the claim, so the request can be corrected and retried.
 */
export async function createImpediment(
  clients: { creator: JiraClient; asApp: JiraClient },
  settings: ImpedimentSettings,
  link: BlockingLink,
  request: NewImpediment,
  nowMs: number,
): Promise<string> {
  const teamLevel = settings.ladder[0]?.name ?? 'Team';
  const level = request.escalation?.to ?? teamLevel;
  let created;
  try {
    created = await createIssue(clients.creator, {
      project: { key: request.project },
      issuetype: { name: settings.issueType },
      summary: request.summary,
      description: adfText(request.reason, `Blocks ${request.blocks.join(', ')}.`),
      ...(request.owner ? { assignee: { accountId: request.owner } } : {}),
      ...(settings.levelFieldId ? { [settings.levelFieldId]: { value: level } } : {}),
    });
  } catch (error) {
    await releaseRaise(request.actor, request.requestId);
    throw error;
  }
  await completeRaise(request.actor, request.requestId, { issueKey: created.key, blocks: request.blocks });
  const at = new Date(nowMs).toISOString();
  await putIssueProperty(
    clients.asApp,
    created.key,
    settings.historyProperty,
    storedEscalationRecord({
      version: request.escalation ? 2 : 1,
      history: historyOf(request, teamLevel, at),
    }),
  );
  for (const key of request.blocks) {
    const [source, target] = link.sourceProvides ? [created.key, key] : [key, created.key];
    await createIssueLink(clients.creator, link.name, source, target);
  }
  await requestTargetedRefresh([created.key, ...request.blocks], 'refresh', nowMs);
  return created.key;
}
