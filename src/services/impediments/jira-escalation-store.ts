/** {@link EscalationStore} on Jira issue properties, written as the app. */
import { z } from 'zod';
import type { Clock } from '../../clock';
import { readEscalationRecord, storedEscalationRecord } from '../../domain/impediments/escalation-record';
import type { LadderLevel } from '../../domain/impediments/escalation-ladder';
import type { JiraClient } from '../../jira/client';
import {
  deleteIssueProperty,
  getIssueProperty,
  listIssuePropertyKeys,
  putIssueProperty,
} from '../../jira/impediment-requests';
import { claimPrefixFor, type Claim, type EscalationStore } from './escalation-store';

const ClaimSchema = z.object({
  moveId: z.string(),
  at: z.number(),
  commentId: z.string().nullable(),
});

export function jiraEscalationStore(
  asApp: JiraClient,
  historyProperty: string,
  ladder: readonly LadderLevel[],
  /** The mover's clock: an unreadable claim is stamped with its reading, so it counts as live. */
  now: Clock,
): EscalationStore {
  return {
    async readRecord(issueKey) {
      return readEscalationRecord(await getIssueProperty(asApp, issueKey, historyProperty), ladder);
    },
    async writeRecord(issueKey, record) {
      await putIssueProperty(asApp, issueKey, historyProperty, storedEscalationRecord(record, ladder));
    },
    async listClaims(issueKey, version) {
      const prefix = claimPrefixFor(historyProperty, version);
      return (await listIssuePropertyKeys(asApp, issueKey)).filter((k) => k.startsWith(prefix));
    },
    async readClaim(issueKey, claimKey): Promise<Claim | undefined> {
      const raw = await getIssueProperty(asApp, issueKey, claimKey);
      // Deleted meanwhile: its attempt finished (or gave up), so it no longer competes.
      if (raw === undefined) return undefined;
      const parsed = ClaimSchema.safeParse(raw);
      // A claim we cannot read counts as a live one of someone else: the safe side.
      return parsed.success ? parsed.data : { moveId: '', at: now(), commentId: null };
    },
    async writeClaim(issueKey, claimKey, claim) {
      await putIssueProperty(asApp, issueKey, claimKey, claim);
    },
    async deleteClaim(issueKey, claimKey) {
      await deleteIssueProperty(asApp, issueKey, claimKey);
    },
  };
}
