/**
 * The storage the compare-and-set runs on: the history property of one issue and its claims. Jira
 * issue properties have no conditional write, so claims are separate properties, one per attempt
 * (`<history property>.claim.<version>.<attempt id>`): writers never overwrite each other's claim.
 */
import type { EscalationRecord } from '../../domain/impediments/escalation-record';

export interface Claim {
  moveId: string;
  /** Epoch ms when the attempt claimed: claims older than the TTL belong to attempts that died. */
  at: number;
  /** Set once the winner posted its comment, so that a retry after a crash does not comment twice. */
  commentId: string | null;
}

export interface EscalationStore {
  readRecord(issueKey: string): Promise<EscalationRecord>;
  writeRecord(issueKey: string, record: EscalationRecord): Promise<void>;
  /** Claim keys of the issue for one target version. */
  listClaims(issueKey: string, version: number): Promise<string[]>;
  readClaim(issueKey: string, claimKey: string): Promise<Claim | undefined>;
  writeClaim(issueKey: string, claimKey: string, claim: Claim): Promise<void>;
  deleteClaim(issueKey: string, claimKey: string): Promise<void>;
}

export function claimKeyFor(historyProperty: string, version: number, attemptId: string): string {
  return `${historyProperty}.claim.${version}.${attemptId}`;
}

export function claimPrefixFor(historyProperty: string, version: number): string {
  return `${historyProperty}.claim.${version}.`;
}
