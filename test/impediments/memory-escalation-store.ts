/**
 * An in-memory {@link EscalationStore} whose every operation is released by a fast-check scheduler, so
 * a test can run several actors against it in every interleaving fast-check chooses. Each operation
 * takes effect when it is called and its answer is delivered when the scheduler decides: a valid
 * linearisation of concurrent calls, like Jira's own.
 */
import type fc from 'fast-check';
import type { EscalationRecord, EscalationMove } from '../../src/domain/impediments/escalation-record';
import { EMPTY_RECORD } from '../../src/domain/impediments/escalation-record';
import type { MoveEffects } from '../../src/services/impediments/compare-and-set';
import type { Claim, EscalationStore } from '../../src/services/impediments/escalation-store';

export class MemoryJira {
  record: EscalationRecord = EMPTY_RECORD;
  readonly claims = new Map<string, Claim>();
  readonly comments: Array<{ issueKey: string; moveId: string }> = [];
  readonly effects: string[] = [];
}

export function memoryStore(jira: MemoryJira, s?: fc.Scheduler): EscalationStore {
  const later = <T>(label: string, value: () => T): Promise<T> => {
    const result = value();
    return s ? s.schedule(Promise.resolve(result), label) : Promise.resolve(result);
  };
  return {
    readRecord: () => later('read record', () => structuredClone(jira.record)),
    writeRecord: (_key, record) => later('write record', () => void (jira.record = structuredClone(record))),
    listClaims: (_key, version) =>
      later('list claims', () => [...jira.claims.keys()].filter((k) => k.startsWith(`claim.${version}.`))),
    readClaim: (_key, claimKey) => later('read claim', () => structuredClone(jira.claims.get(claimKey))),
    writeClaim: (_key, claimKey, claim) =>
      later('write claim', () => void jira.claims.set(claimKey, { ...claim })),
    deleteClaim: (_key, claimKey) => later('delete claim', () => void jira.claims.delete(claimKey)),
  };
}

export function memoryEffects(jira: MemoryJira, s?: fc.Scheduler): MoveEffects {
  const later = <T>(label: string, value: () => T): Promise<T> => {
    const result = value();
    return s ? s.schedule(Promise.resolve(result), label) : Promise.resolve(result);
  };
  return {
    comment: (issueKey, move: EscalationMove) =>
      later('comment', () => {
        jira.comments.push({ issueKey, moveId: move.id });
        return String(jira.comments.length);
      }),
    afterMove: (issueKey, move) =>
      later('after move', () => {
        jira.effects.push(`${issueKey}:${move.id}`);
        return [];
      }),
  };
}
