/**
 * One impediment as the backlogs and metrics need it, built from a Jira issue (fields + the history
 * property) by the service; pure from here on.
 */
import type { EscalationRecord } from './escalation-record';

export interface ImpedimentFacts {
  key: string;
  summary: string;
  projectKey: string;
  createdMs: number | undefined;
  /** Set when the status is in the done category. */
  resolvedMs: number | undefined;
  done: boolean;
  /** The escalation-level select field's value, when the site has the field. */
  fieldLevel: string | undefined;
  record: EscalationRecord;
  /** Keys of the issues this impediment blocks (dependency links where it is the prerequisite). */
  blocks: readonly string[];
}
