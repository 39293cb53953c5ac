/**
 * Reads the current snapshot for the resolvers: the manifest (one key), then only the chunks of the
 * projects asked for. If a chunk vanished because a newer version was switched in and the old one
 * cleaned up while we read, the read starts over from the new pointer once.
 */
import { JiraIssueSchema, type JiraIssue } from '../../jira/schemas';
import { issueNumberOf, projectKeyOf } from '../../domain/issue-key';
import type { SnapshotManifest, StoredIssue } from '../../storage/snapshot-schema';
import { readChunks, readManifest } from '../../storage/snapshot-store';
import { StoredValueInvalid } from '../../storage/stored-json';
import type { SnapshotInfo, SnapshotJob } from '../../shared/contract';

const ISSUE_KEY_IN_TEXT = /\b([A-Z][A-Z0-9_]{0,19})-[0-9]+\b/g;
const PROJECT_KEY_IN_TEXT = /\b[A-Z][A-Z0-9_]{0,19}\b/g;

/**
 * What a user may learn of the parts the snapshot misses: issue keys become their project's key, and a
 * reason that names a program project the user cannot browse is replaced by a neutral one. `projects`
 * are the program's project keys (words like POST or HTTP in a Jira error are not projects); without
 * them every upper-case word counts as one.
 */
function partialFor(
  partial: SnapshotManifest['partial'],
  visible: ReadonlySet<string> | undefined,
  projects?: ReadonlySet<string>,
) {
  return partial.map(({ scope, reason }) => {
    const redacted = {
      scope: scope.replace(ISSUE_KEY_IN_TEXT, '$1'),
      reason: reason.replace(ISSUE_KEY_IN_TEXT, '$1'),
    };
    if (!visible) return redacted;
    // Scopes are ours ("PAY-1..PAY-100 (100 issues)", "MOB", "fields"): their upper-case words are projects.
    const named = `${redacted.scope} ${redacted.reason}`.match(PROJECT_KEY_IN_TEXT) ?? [];
    const hidden = named.some((word) => !visible.has(word) && (projects?.has(word) ?? true));
    return hidden ? { scope: 'part of the program', reason: 'could not be read' } : redacted;
  });
}

/** Free text (a job's message) as a user may read it: the same redaction as partial reasons. */
export function redactedFor(
  text: string,
  visible: ReadonlySet<string> | undefined,
  projects?: ReadonlySet<string>,
): string {
  const [entry] = partialFor([{ scope: text, reason: '' }], visible, projects);
  return entry?.reason === '' ? entry.scope : 'Some of the program could not be read.';
}

export function programProjects(manifest: SnapshotManifest | undefined): ReadonlySet<string> | undefined {
  return manifest ? new Set([...manifest.projectKeys, ...manifest.projects.map((p) => p.key)]) : undefined;
}

/** `visible`: the user's browsable project keys, or undefined for a Jira administrator (sees all). */
export function snapshotInfo(
  manifest: SnapshotManifest | undefined,
  now: number,
  visible?: ReadonlySet<string>,
  job?: SnapshotJob,
): SnapshotInfo {
  // The latest job failed: every surface says so, with why, beside the age of what it still shows.
  const lastFailure =
    job?.phase === 'failed'
      ? {
          at: job.finishedAt ?? job.requestedAt,
          message: redactedFor(job.message ?? 'no reason was recorded', visible, programProjects(manifest)),
        }
      : null;
  if (!manifest) {
    return { state: 'missing', builtAt: null, ageSeconds: null, fullBuiltAt: null, partial: [], lastFailure };
  }
  return {
    state: 'ready',
    builtAt: manifest.builtAt,
    ageSeconds: Math.max(0, Math.round((now - Date.parse(manifest.syncedAt)) / 1000)),
    fullBuiltAt: manifest.fullBuiltAt,
    partial: partialFor(
      [...manifest.partial, ...(manifest.refreshPartial ?? [])],
      visible,
      programProjects(manifest),
    ),
    lastFailure,
  };
}

/** Stored issues in Jira's shape, parsed leniently for the domain's normalisation. */
function asJiraIssues(issues: readonly StoredIssue[]): JiraIssue[] {
  return issues.flatMap((issue) => {
    const parsed = JiraIssueSchema.safeParse(issue);
    return parsed.success ? [parsed.data] : [];
  });
}

async function withRetryOnVanishedChunk<T>(
  read: (manifest: SnapshotManifest) => Promise<T>,
  first: SnapshotManifest,
) {
  try {
    return await read(first);
  } catch (error) {
    if (!(error instanceof StoredValueInvalid)) throw error;
    const fresh = await readManifest();
    if (!fresh || fresh.version === first.version) throw error;
    return read(fresh);
  }
}

export interface ProgramIssues {
  manifest: SnapshotManifest;
  issues: JiraIssue[];
}

/** Every stored issue of `projectKeys`, in Jira rank order (the Rank field's lexical order). */
export async function readProgramIssues(
  manifest: SnapshotManifest,
  projectKeys: ReadonlySet<string>,
): Promise<ProgramIssues> {
  return withRetryOnVanishedChunk(async (m) => {
    const keys = m.chunks.filter((c) => projectKeys.has(c.project)).map((c) => c.key);
    const chunks = await readChunks(keys);
    const issues = asJiraIssues([...chunks.values()].flatMap((c) => c.issues));
    const rankField = m.fieldMap.rank;
    const rankOf = (issue: JiraIssue): string => {
      const value: unknown = rankField ? issue.fields?.[rankField] : undefined;
      return typeof value === 'string' ? value : '\uffff';
    };
    issues.sort((a, b) => {
      const ra = rankOf(a);
      const rb = rankOf(b);
      return ra < rb ? -1 : ra > rb ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    });
    return { manifest: m, issues };
  }, manifest);
}

/** One stored issue by key, reading only the chunk whose key ranges hold it. */
export async function readStoredIssue(
  manifest: SnapshotManifest,
  issueKey: string,
): Promise<JiraIssue | undefined> {
  const project = projectKeyOf(issueKey);
  const number = issueNumberOf(issueKey);
  return withRetryOnVanishedChunk(async (m) => {
    const keys = m.chunks
      .filter((c) => c.project === project && c.ranges.some(([from, to]) => number >= from && number <= to))
      .map((c) => c.key);
    const chunks = await readChunks(keys);
    const found = [...chunks.values()].flatMap((c) => c.issues).find((i) => i.key === issueKey);
    return found ? asJiraIssues([found])[0] : undefined;
  }, manifest);
}
