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
import type { EffectFailure, MoveEffects } from './compare-and-set';
import { groupRecipient, resolveOwner } from './ladder-owners';
import { moveCommentBody } from './move-comment';

export interface EffectContext {
  asApp: JiraClient;
  ladder: readonly LadderLevel[];
  /** The escalation-level select field, when the site has it. */
  levelFieldId: string | undefined;
  actorName: string;
  /** When the move happens: owners are resolved (and cached) as of then. */
  nowMs: number;
  /** Waits between attempts of a failing effect (tests pass one that does not wait). */
  sleep?: (ms: number) => Promise<void>;
}

const ATTEMPTS = 3;

/** Runs one effect up to {@link ATTEMPTS} times; its last error becomes a named failure. */
async function attempt(
  effect: string,
  run: () => Promise<unknown>,
  sleep: (ms: number) => Promise<void>,
): Promise<EffectFailure[]> {
  for (let i = 1; ; i++) {
    try {
      await run();
      return [];
    } catch (error) {
      if (i >= ATTEMPTS) return [{ effect, message: error instanceof Error ? error.message : String(error) }];
      await sleep(200 * i);
    }
  }
}

export function jiraMoveEffects(ctx: EffectContext): MoveEffects {
  const rungOf = (level: string) => ctx.ladder.find((l) => l.name === level);
  return {
    async comment(issueKey, move) {
      const rung = rungOf(move.to);
      const owner = await resolveOwner(ctx.asApp, rung?.owner, ctx.nowMs, rung?.ownerKind);
      return addComment(
        ctx.asApp,
        issueKey,
        moveCommentBody(move, ctx.actorName, owner, rung?.slaDays ?? null),
      );
    },
    async afterMove(issueKey, move) {
      const sleep = ctx.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
      const failed: EffectFailure[] = [];
      const levelFieldId = ctx.levelFieldId;
      if (levelFieldId && move.action !== 'resolve') {
        failed.push(
          ...(await attempt(
            `set the Escalation level field to "${move.to}"`,
            () => setSelectField(ctx.asApp, issueKey, levelFieldId, move.to),
            sleep,
          )),
        );
      }
      if (move.action === 'resolve') {
        failed.push(
          ...(await attempt(
            'move the issue to a done status',
            async () => {
              const transition = await findDoneTransition(ctx.asApp, issueKey);
              if (transition) await doTransition(ctx.asApp, issueKey, transition);
            },
            sleep,
          )),
        );
        return failed;
      }
      const notify = async () => {
        const rung = rungOf(move.to);
        const owner = await resolveOwner(ctx.asApp, rung?.owner, ctx.nowMs, rung?.ownerKind);
        if (owner?.kind !== 'group') return;
        await notifyGroup(
          ctx.asApp,
          issueKey,
          groupRecipient(owner.id, rung?.ownerKind),
          `[MetaScrum] ${issueKey} is now with ${move.to}`,
          `${issueKey} was ${move.action === 'escalate' ? 'escalated' : 'de-escalated'} to ${move.to}: ${move.reason}`,
        );
      };
      failed.push(...(await attempt(`notify the owner of "${move.to}"`, notify, sleep)));
      return failed;
    },
  };
}
