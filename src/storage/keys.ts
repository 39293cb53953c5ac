/**
 * Every storage key the app uses, versioned so that a new shape gets a new key and an upgrade never
 * misreads an old value. Keys match Forge's pattern /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/.
 *
 * Keys that belong to a program go through {@link programKey}: the program `default` (every site's data
 * from before several programs) keeps the keys it always had, so nothing needs migrating; any other
 * program's keys start with `p:v1:<id>:`, so one prefix finds everything it stored (deleting it).
 */
import { currentProgramId, DEFAULT_PROGRAM_ID } from './program-scope';

/** The prefix of every plain key of a program other than `default`. */
export function programPrefix(programId: string): string {
  return `p:v1:${programId}:`;
}

/** `base` as the key of `programId`'s copy (the current program's when not given). */
export function programKey(base: string, programId: string = currentProgramId()): string {
  return programId === DEFAULT_PROGRAM_ID ? base : `${programPrefix(programId)}${base}`;
}

/** The site's programs (ids and names): one versioned record, site-wide. */
export const PROGRAM_REGISTRY_RECORD = 'program-registry:v1';

/**
 * The versioned records (Custom Entity Store) that belong to a program, by their base key: deleting a
 * program deletes each (entities cannot be listed by prefix like plain keys).
 */
export const PROGRAM_RECORDS = [
  'metascrum-order',
  'analysis-pointer',
  'program-config',
  'sos-meeting:v1',
  'slip-alerts:v1',
] as const;
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
  return programKey(`${SNAPSHOT_DATA_PREFIX}${version}:chunk:${index}`);
}

export function snapshotMetaKey(version: string): string {
  return programKey(`${SNAPSHOT_DATA_PREFIX}${version}:meta`);
}

/**
 * Issues named by Jira events, waiting for the next incremental refresh: one key per issue and event
 * time, so an event that arrives while a refresh runs gets a key of its own, which the refresh (deleting
 * only the keys it read) leaves for the next one.
 */
export const PENDING_CHANGE_PREFIX = 'sync:pending:v1:';

export function pendingChangeKey(issueIdOrKey: string, at: string): string {
  return programKey(`${PENDING_CHANGE_PREFIX}${issueIdOrKey}:${Date.parse(at).toString(36)}`);
}

/** What the app last wrote as each issue's collapsed-panel status badge, by project and number range. */
export const STATUS_BADGE_PREFIX = 'badge:written:v1:';

export function statusBadgeKey(project: string, bucket: number): string {
  return `${STATUS_BADGE_PREFIX}${project}:${bucket}`;
}

/** The program of keys from before several programs per site: history keys always carried it. */
export const CURRENT_PROGRAM_ID = DEFAULT_PROGRAM_ID;

/** Daily program summaries: one value per kept day, and the index of kept days (a versioned record). */
export const HISTORY_PREFIX = 'history:v1:';

export function historyIndexKey(programId: string): string {
  return `${HISTORY_PREFIX}${programId}:index`;
}

export function historyDayKey(programId: string, day: string): string {
  return `${HISTORY_PREFIX}${programId}:day:${day}`;
}

/**
 * The plain keys and prefixes of the program `default`, which kept the keys every installation had
 * before several programs (other programs' plain keys all start with {@link programPrefix}).
 */
export const DEFAULT_PROGRAM_PLAIN_KEYS = [
  STORAGE_KEYS.programSettings,
  STORAGE_KEYS.programSummary,
  STORAGE_KEYS.snapshotPointer,
  STORAGE_KEYS.snapshotJob,
  'settings:program-config:v2',
  'metascrum:order:v1',
  'analysis:pointer:v1',
  'analysis:requested:v1',
] as const;
export const DEFAULT_PROGRAM_PREFIXES = [
  SNAPSHOT_DATA_PREFIX,
  PENDING_CHANGE_PREFIX,
  'analysis:data:v1:',
  'settings:program-config:v2:history:',
] as const;
