/**
 * Compare-and-set on an impediment's escalation history, built from plain reads and writes because
 * Jira issue properties have no conditional write. One round:
 *
 *  1. read the history (version v); a move with this id already in it = done before (replay): stop;
 *  2. decide on the state read; nothing to do (stale view, ladder end, SLA no longer passed): stop;
 *  3. write a claim of our own for version v + 1 (a new key per attempt, so no claim is overwritten);
 *  4. list the claims for v + 1: if any other live claim exists, withdraw ours, back off, go to 1;
 *  5. read the history again: if it moved past v (a winner finished and withdrew its claim), withdraw
 *     and go to 1 (step 1 then finds the move, or decides again on the new state);
 *  6. we won: comment (once: the comment id is kept on the claim), write history v + 1, run the
 *     move's other effects, withdraw the claim. An effect that still fails after its retries is
 *     reported by name in the outcome (never swallowed); replaying the same move id runs the
 *     effects of the impediment's last move again, which is how a caller retries them.
 *
 * Why at most one attempt wins a version: A wins only if its listing (after writing its claim) did not
 * show B's claim, so B wrote its claim after A listed, so B's listing shows A's claim, unless A had
 * withdrawn it, which A does only after writing v + 1, which B's re-read in step 5 then sees.
 * Two attempts that see each other both withdraw and retry after a random backoff. A claim older than
 * the TTL (its attempt died) is ignored; a dead attempt's comment id is reused by the same move.
 */
import { appendMove } from '../../domain/impediments/escalation-ladder';
import type { EscalationMove, EscalationRecord } from '../../domain/impediments/escalation-record';
import type { EscalationStore } from './escalation-store';

export type Decision =
  { kind: 'move'; move: Omit<EscalationMove, 'id' | 'at' | 'commentId'> } | { kind: 'none'; reason: string };

export interface MoveEffects {
  /** Posts the move's comment; returns the comment id. */
  comment(issueKey: string, move: EscalationMove): Promise<string>;
  /**
   * Idempotent consequences: the level field, the done transition, the owner's notification. Each is
   * tried on its own; the ones that still fail are returned, by name, not thrown.
   */
  afterMove(issueKey: string, move: EscalationMove): Promise<EffectFailure[]>;
}

export interface EffectFailure {
  /** What did not happen, for people: "set the Escalation level field to EAT". */
  effect: string;
  message: string;
}

export interface CasRuntime {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
  attemptId(): string;
  claimKey(version: number, attemptId: string): string;
  claimTtlMs?: number;
  maxRounds?: number;
}

export type CasOutcome =
  | { outcome: 'applied'; record: EscalationRecord; move: EscalationMove; failed: EffectFailure[] }
  | { outcome: 'already-applied'; record: EscalationRecord; failed: EffectFailure[] }
  | { outcome: 'declined'; record: EscalationRecord; reason: string }
  | { outcome: 'contended'; record: EscalationRecord };

/** Longer than any Forge invocation that may hold a claim (resolvers and triggers stop at 25 s). */
export const CLAIM_TTL_MS = 5 * 60_000;

export async function moveWithCas(
  store: EscalationStore,
  effects: MoveEffects,
  issueKey: string,
  moveId: string,
  decide: (record: EscalationRecord) => Decision,
  rt: CasRuntime,
): Promise<CasOutcome> {
  const ttl = rt.claimTtlMs ?? CLAIM_TTL_MS;
  const rounds = rt.maxRounds ?? 5;
  let record = await store.readRecord(issueKey);
  for (let round = 0; round < rounds; round++) {
    if (round > 0) record = await store.readRecord(issueKey);
    if (record.history.some((m) => m.id === moveId)) {
      // The replay of the last move finishes what it left undone (effects are idempotent).
      const last = record.history.at(-1);
      const failed = last?.id === moveId ? await effects.afterMove(issueKey, last) : [];
      return { outcome: 'already-applied', record, failed };
    }
    const decision = decide(record);
    if (decision.kind === 'none') return { outcome: 'declined', record, reason: decision.reason };
    const target = record.version + 1;
    const ours = rt.claimKey(target, rt.attemptId());
    const claimedAt = rt.now();
    await store.writeClaim(issueKey, ours, { moveId, at: claimedAt, commentId: null });
    const { contested, inheritedCommentId } = await inspectClaims(
      store,
      issueKey,
      target,
      ours,
      moveId,
      rt.now(),
      ttl,
    );
    const current = contested ? record : await store.readRecord(issueKey);
    if (contested || current.version !== record.version) {
      await store.deleteClaim(issueKey, ours);
      // Full jitter, growing per round, so that two attempts that saw each other drift apart.
      await rt.sleep(Math.round(rt.random() * 150 * 2 ** round));
      continue;
    }
    const move: EscalationMove = {
      ...decision.move,
      id: moveId,
      at: new Date(claimedAt).toISOString(),
      commentId: null,
    };
    const commentId = inheritedCommentId ?? (await effects.comment(issueKey, move));
    await store.writeClaim(issueKey, ours, { moveId, at: claimedAt, commentId });
    const next = appendMove(record, { ...move, commentId });
    await store.writeRecord(issueKey, next);
    const failed = await effects.afterMove(issueKey, { ...move, commentId });
    await store.deleteClaim(issueKey, ours);
    return { outcome: 'applied', record: next, move: { ...move, commentId }, failed };
  }
  return { outcome: 'contended', record };
}

/** Other live claims for the version, and the comment of a dead attempt at the same move. */
async function inspectClaims(
  store: EscalationStore,
  issueKey: string,
  version: number,
  ours: string,
  moveId: string,
  nowMs: number,
  ttl: number,
): Promise<{ contested: boolean; inheritedCommentId: string | null }> {
  let contested = false;
  let inheritedCommentId: string | null = null;
  for (const key of await store.listClaims(issueKey, version)) {
    if (key === ours) continue;
    const claim = await store.readClaim(issueKey, key);
    if (!claim) continue;
    if (nowMs - claim.at <= ttl) {
      contested = true;
      continue;
    }
    if (claim.moveId === moveId && claim.commentId) inheritedCommentId = claim.commentId;
    await store.deleteClaim(issueKey, key);
  }
  return { contested, inheritedCommentId };
}
