/** What a move does in Jira besides the history: comment, level field, done transition, notification. */
import type { LadderLevel } from '../../domain/impediments/escalation-ladder';
import type { JiraClient } from '../../jira/client';
import {
  addComment,
  doTransition,
  findDoneTransition,
  notifyGroup,
  setSelectField,
} from '../../jira/impediment-requests';
import type { MoveEffects } from './compare-and-set';
import { resolveOwner } from './ladder-owners';
import { moveCommentBody } from './move-comment';

export interface EffectContext {
  asApp: JiraClient;
  ladder: readonly LadderLevel[];
  /** The escalation-level select field, when the site has it. */
  levelFieldId: string | undefined;
  actorName: string;
  /** When the move happens: owners are resolved (and cached) as of then. */
  nowMs: number;
}

export function jiraMoveEffects(ctx: EffectContext): MoveEffects {
  const rungOf = (level: string) => ctx.ladder.find((l) => l.name === level);
  return {
    async comment(issueKey, move) {
      const rung = rungOf(move.to);
      const owner = await resolveOwner(ctx.asApp, rung?.owner, ctx.nowMs);
      return addComment(
        ctx.asApp,
        issueKey,
        moveCommentBody(move, ctx.actorName, owner, rung?.slaDays ?? null),
      );
    },
    async afterMove(issueKey, move) {
      if (ctx.levelFieldId && move.action !== 'resolve') {
        await setSelectField(ctx.asApp, issueKey, ctx.levelFieldId, move.to);
      }
      if (move.action === 'resolve') {
        const transition = await findDoneTransition(ctx.asApp, issueKey);
        if (transition) await doTransition(ctx.asApp, issueKey, transition);
        return;
      }
      const owner = await resolveOwner(ctx.asApp, rungOf(move.to)?.owner, ctx.nowMs);
      if (owner?.kind === 'group') {
        await notifyGroup(
          ctx.asApp,
          issueKey,
          owner.id,
          `[MetaScrum] ${issueKey} is now with ${move.to}`,
          `${issueKey} was ${move.action === 'escalate' ? 'escalated' : 'de-escalated'} to ${move.to}: ${move.reason}`,
        );
      }
    },
  };
}
