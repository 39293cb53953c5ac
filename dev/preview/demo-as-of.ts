/**
 * The demo program as Jira would have shown it at an earlier date, from its own dates: an issue
 * created later did not exist yet (nor did links to it), one resolved later was still open (In
 * Progress when its sprint was running, To Do otherwise), and each sprint's state follows its start
 * and end dates. What the demo does not date (links, estimates, escalation history) stays as it is now,
 * which is why the gadget labels these days "demo history".
 */
import { STATUSES } from '../emulator/demo/jira-catalog';
import type { StoredIssue, StoredSprint } from '../../src/storage/snapshot-schema';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const ms = (v: unknown) => (typeof v === 'string' ? Date.parse(v) : NaN);

/** A sprint's state at `atMs` from its dates; undefined for a sprint without dates (it keeps its state). */
function stateAt(sprint: { startDate?: unknown; endDate?: unknown }, atMs: number) {
  const start = ms(sprint.startDate);
  const end = ms(sprint.endDate);
  if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
  return atMs < start ? 'future' : atMs >= end ? 'closed' : 'active';
}

function sprintAsOf<
  S extends { state?: unknown; startDate?: unknown; endDate?: unknown; completeDate?: unknown },
>(sprint: S, atMs: number): S {
  const state = stateAt(sprint, atMs);
  if (state === undefined) return sprint;
  const next: S = { ...sprint, state };
  if (state === 'closed') next.completeDate = sprint.endDate;
  else delete next.completeDate;
  return next;
}

const isSprintList = (value: unknown): value is Array<Record<string, unknown>> =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every((s) => isRecord(s) && 'state' in s && 'startDate' in s);

export function sprintsAsOf(sprints: readonly StoredSprint[], atMs: number): StoredSprint[] {
  return sprints.map((s) => sprintAsOf(s, atMs));
}

/** The same for sprints read from a file (board sprint lists): records are dated, anything else kept. */
export function anySprintsAsOf(sprints: Iterable<unknown>, atMs: number): unknown[] {
  return [...sprints].map((s) => (isRecord(s) ? sprintAsOf(s, atMs) : s));
}

/** Any issue with a key and Jira's `fields` (the snapshot's, or a search reply's for the report CLI). */
export function issuesAsOf<I extends Pick<StoredIssue, 'key' | 'fields'>>(
  issues: readonly I[],
  atMs: number,
): I[] {
  const existing = issues.filter((i) => !(ms(i.fields.created) > atMs));
  const keys = new Set(existing.map((i) => i.key));
  return existing.map((issue) => {
    const fields: Record<string, unknown> = { ...issue.fields };
    let running = false;
    for (const [id, value] of Object.entries(fields)) {
      if (!isSprintList(value)) continue;
      const sprints = value.map((s) => sprintAsOf(s, atMs));
      running ||= sprints.some((s) => s.state === 'active');
      fields[id] = sprints;
    }
    if (ms(fields.resolutiondate) > atMs) {
      fields.resolutiondate = null;
      fields.status = running ? STATUSES.inProgress : STATUSES.todo;
    }
    if (Array.isArray(fields.issuelinks))
      fields.issuelinks = fields.issuelinks.filter((link: unknown) => {
        if (!isRecord(link)) return true;
        const other = link.inwardIssue ?? link.outwardIssue;
        return !isRecord(other) || typeof other.key !== 'string' || keys.has(other.key);
      });
    return { ...issue, fields };
  });
}
