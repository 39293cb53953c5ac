/**
 * Every storage key the app uses, versioned so that a new shape gets a new key and an upgrade never
 * misreads an old value. Keys match Forge's pattern /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/.
 */
export const STORAGE_KEYS = {
  programSettings: 'settings:program:v1',
  lifecycle: 'app:lifecycle:v1',
  programSummary: 'program:summary:v1',
  /** The one key readers start from: the current snapshot's manifest. Writing it is the atomic switch. */
  snapshotPointer: 'snapshot:pointer:v1',
  /** The latest snapshot job (full or incremental), for the UI's progress. */
  snapshotJob: 'snapshot:job:v1',
} as const;

/** Chunks and metadata of snapshot versions; everything under it not referenced is garbage. */
export const SNAPSHOT_DATA_PREFIX = 'snapshot:data:v1:';

export function snapshotChunkKey(version: string, index: number): string {
  return `${SNAPSHOT_DATA_PREFIX}${version}:chunk:${index}`;
}

export function snapshotMetaKey(version: string): string {
  return `${SNAPSHOT_DATA_PREFIX}${version}:meta`;
}

/**
 * Issues named by Jira events, waiting for the next incremental refresh: one key per issue and event
 * time, so an event that arrives while a refresh runs gets a key of its own, which the refresh (deleting
 * only the keys it read) leaves for the next one.
 */
export const PENDING_CHANGE_PREFIX = 'sync:pending:v1:';

export function pendingChangeKey(issueIdOrKey: string, at: string): string {
  return `${PENDING_CHANGE_PREFIX}${issueIdOrKey}:${Date.parse(at).toString(36)}`;
}

/** What the app last wrote as each issue's collapsed-panel status badge, by project and number range. */
export const STATUS_BADGE_PREFIX = 'badge:written:v1:';

export function statusBadgeKey(project: string, bucket: number): string {
  return `${STATUS_BADGE_PREFIX}${project}:${bucket}`;
}

/**
 * The one program a site has today. Keys that belong to a program carry its id, so that several
 * programs per site (issue 14) only need to pass theirs.
 */
export const CURRENT_PROGRAM_ID = 'default';

/** Daily program summaries: one value per kept day, and the index of kept days (a versioned record). */
export const HISTORY_PREFIX = 'history:v1:';

export function historyIndexKey(programId: string): string {
  return `${HISTORY_PREFIX}${programId}:index`;
}

export function historyDayKey(programId: string, day: string): string {
  return `${HISTORY_PREFIX}${programId}:day:${day}`;
}
