/**
 * Escalate, de-escalate or resolve on a user's request: the user must hold every permission the move
 * needs in Jira (edit, comment, and transition for a resolve; asked of Jira as the user), the move is decided on the history's current version and written as the app
 * with the compare-and-set, so a double click, a retried call or a concurrent actor never moves twice.
 */
import { tickingFrom } from '../../clock';
import { randomUUID } from 'node:crypto';
import type { ProgramConfig } from '../../domain/config/program-config';
import { stateOf, transition, type LadderAction } from '../../domain/impediments/escalation-ladder';
import type { EscalationRecord } from '../../domain/impediments/escalation-record';
import type { IssuePermission } from '../../jira/permissions';
import { getMyself } from '../../jira/reads';
import type { MovePayload, MoveResult } from '../../shared/impediment-contract';
import { requirePermissions } from '../acting-as-user';
import { requestTargetedRefresh } from '../snapshot/snapshot-requests';
import { InvalidInput, NotAllowed } from '../errors';
import type { JiraAccess } from '../jira-access';
import { moveWithCas, type CasOutcome, type Decision, type EffectFailure } from './compare-and-set';
import { claimKeyFor } from './escalation-store';
import { escalateFlaggedItem, isFlaggedItem } from './escalate-flag';
import { impedimentDetail } from './impediment-detail';
import { impedimentSettings } from './impediment-context';
import { impedimentFacts } from './impediment-facts';
import { jiraEscalationStore } from './jira-escalation-store';
import { jiraMoveEffects } from './move-effects';
import { factsAndEditRight, loadIssueAsUser } from './read-impediment';

const VERBS: Record<LadderAction, string> = {
  escalate: 'escalate',
  'de-escalate': 'de-escalate',
  resolve: 'resolve',
};

/** A move comments and writes the level and history; a resolve also transitions the issue. */
function permissionsFor(action: LadderAction): IssuePermission[] {
  const always: IssuePermission[] = ['EDIT_ISSUES', 'ADD_COMMENTS'];
  return action === 'resolve' ? [...always, 'TRANSITION_ISSUES'] : always;
}

export function userMoveId(accountId: string, requestId: string): string {
  return `user:${accountId}:${requestId}`;
}

/** "…, but these did not happen: …. Try again to finish them." — a move is never half done silently. */
function unfinished(failed: readonly EffectFailure[]): string {
  if (failed.length === 0) return '';
  const what = failed.map((f) => `${f.effect} (${f.message})`).join('; ');
  return ` The move is recorded, but this did not happen: ${what}. Try again to finish it.`;
}

function messageFor(outcome: CasOutcome, issueKey: string, action: LadderAction): string {
  switch (outcome.outcome) {
    case 'applied':
      return `${issueKey}: ${outcome.move.action === 'resolve' ? `resolved at ${outcome.move.to}` : `now at ${outcome.move.to}`}.${unfinished(outcome.failed)}`;
    case 'already-applied':
      return `${issueKey}: this ${VERBS[action]} was already recorded.${unfinished(outcome.failed)}`;
    case 'declined':
      return `${issueKey}: not moved, ${outcome.reason}.`;
    case 'contended':
      return `${issueKey}: someone else is changing this impediment right now. Reload and try again.`;
  }
}

export async function moveImpediment(
  access: JiraAccess,
  config: ProgramConfig,
  action: LadderAction,
  payload: MovePayload,
  accountId: string | undefined,
  nowMs: number,
): Promise<MoveResult> {
  if (!accountId) throw new NotAllowed('Sign in to Jira to change impediments.');
  const settings = await impedimentSettings(config, access.asApp, nowMs);
  const loaded = await loadIssueAsUser(access.asUser, payload.issueKey, settings);
  if (!loaded.isImpediment) {
    // A flagged item has no history yet: its first escalation raises an Impediment issue for it.
    if (action === 'escalate' && (await isFlaggedItem(payload.issueKey))) {
      const summary = loaded.issue.fields?.summary;
      return escalateFlaggedItem(
        access,
        config,
        payload,
        typeof summary === 'string' ? summary : payload.issueKey,
        accountId,
        nowMs,
      );
    }
    throw new InvalidInput(
      'issueKey',
      `${payload.issueKey} is a ${loaded.typeName}, not an ${settings.issueType}`,
    );
  }
  const { facts, canEdit } = await factsAndEditRight(access.asUser, loaded, settings);
  // The app writes the move as itself: first make sure Jira would let the user do every part of it.
  await requirePermissions(
    access.asUser,
    permissionsFor(action),
    [{ id: loaded.issueId, key: payload.issueKey }],
    `${VERBS[action]} it`,
  );
  const me = await getMyself(access.asUser);
  const decide = (record: EscalationRecord): Decision => {
    if (record.version !== payload.expectedVersion) {
      return { kind: 'none', reason: 'it changed since you loaded it (reload to see the latest history)' };
    }
    const step = transition(
      stateOf(record, settings.ladder, facts.fieldLevel, facts.done),
      action,
      settings.ladder,
    );
    if (!step.ok) return { kind: 'none', reason: step.reason };
    return {
      kind: 'move',
      move: { action, from: step.from, to: step.to, by: accountId, reason: payload.reason, auto: false },
    };
  };
  const now = tickingFrom(nowMs);
  const store = jiraEscalationStore(access.asApp, settings.historyProperty, settings.ladder, now);
  const effects = jiraMoveEffects({
    asApp: access.asApp,
    ladder: settings.ladder,
    levelFieldId: settings.levelFieldId,
    actorName: me.displayName ?? accountId,
    nowMs,
  });
  const outcome = await moveWithCas(
    store,
    effects,
    payload.issueKey,
    userMoveId(accountId, payload.requestId),
    decide,
    {
      now,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
      attemptId: () => randomUUID(),
      claimKey: (version, attempt) => claimKeyFor(settings.historyProperty, version, attempt),
    },
  );
  // The app refreshes its own write: the snapshot and every view follow within seconds.
  if (outcome.outcome === 'applied') await requestTargetedRefresh([payload.issueKey], 'refresh', nowMs);
  // Re-read as the user: a resolve changed the status, and the answer must be what they may see.
  const reloaded = await loadIssueAsUser(access.asUser, payload.issueKey, settings);
  const refreshed = { ...impedimentFacts(reloaded.issue, settings), record: outcome.record };
  return {
    outcome:
      outcome.outcome === 'applied' || outcome.outcome === 'already-applied' ? outcome.outcome : 'conflict',
    message: messageFor(outcome, payload.issueKey, action),
    unfinished:
      outcome.outcome === 'applied' || outcome.outcome === 'already-applied'
        ? outcome.failed.map((f) => f.effect)
        : [],
    impediment: await impedimentDetail(access.asApp, refreshed, settings, canEdit, nowMs),
  };
}
