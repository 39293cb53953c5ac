/**
 * Jira issue and issue-link events (manifest: trigger `metascrum-jira-events`). Each names the issues it
 * touched; the handler notes them (one storage key per issue, so concurrent events never lose one) and
 * asks for an incremental refresh, at most one per burst: events arrive in bursts (bulk edits), and
 * the job record tells whether a refresh is already on its way.
 *
 * A note costs a storage write unit, the whole per-event budget: an issue's change or creation is not
 * noted while a refresh that searches by `updated` is queued and has not started (the search finds it;
 * the first event of a burst, which queued the refresh, is noted, so the refresh also reads that issue
 * by id in case Jira's index lags). Deletions and links are always noted: no search finds a deletion.
 */
import { clock } from '../clock';
import { z } from 'zod';
import { notePendingChange, type PendingChange } from '../storage/pending-changes';
import { queuedJobSearches, requestSnapshotJob } from '../services/snapshot/snapshot-requests';
import { readSnapshotJob } from '../storage/snapshot-job';
import { forEachProgram, includesProject } from '../services/programs/each-program';
import { projectKeyOf } from '../domain/issue-key';

const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-\d+$/;

const IssueEventSchema = z.looseObject({
  eventType: z.string(),
  issue: z.looseObject({ id: z.union([z.string(), z.number()]), key: z.string().optional() }).optional(),
  issueLink: z
    .looseObject({
      sourceIssueId: z.union([z.string(), z.number()]),
      destinationIssueId: z.union([z.string(), z.number()]),
    })
    .optional(),
});

/** The issues an event names, and whether they changed or went away. */
export function changesOf(event: z.infer<typeof IssueEventSchema>, at: string): PendingChange[] {
  if (event.issueLink) {
    const { sourceIssueId, destinationIssueId } = event.issueLink;
    return [sourceIssueId, destinationIssueId].map((id) => ({ ref: String(id), change: 'upsert', at }));
  }
  if (!event.issue) return [];
  const deleted = event.eventType === 'avi:jira:deleted:issue';
  // A deletion is noted by key: the snapshot finds a stored issue's chunk from its key.
  const ref = deleted && event.issue.key ? event.issue.key : String(event.issue.id);
  return [{ ref, change: deleted ? 'delete' : 'upsert', at }];
}

export async function onJiraChange(event: unknown): Promise<void> {
  const parsed = IssueEventSchema.safeParse(event);
  if (!parsed.success) {
    console.error(JSON.stringify({ event: 'jira-event-invalid' }));
    return;
  }
  const now = clock();
  const changes = changesOf(parsed.data, new Date(now).toISOString());
  if (changes.length === 0) return;
  // Each program whose teams include the issue's project keeps its own note and refresh; a link event
  // names only issue ids, so every program notes it (a refresh drops what is not its own).
  const key = parsed.data.issue?.key;
  const projectKey = key && ISSUE_KEY.test(key) ? projectKeyOf(key) : undefined;
  const issueChange = !parsed.data.issueLink;
  await forEachProgram(
    'jira-event',
    async () => {
      const searched = queuedJobSearches(await readSnapshotJob(), now);
      const notes = changes.filter((c) => c.change === 'delete' || !issueChange || !searched);
      await Promise.all(notes.map(notePendingChange));
      await requestSnapshotJob({ reason: 'event', mode: 'incremental' }, now);
    },
    (program) => includesProject(program, projectKey),
  );
}
