/**
 * Loads a whole program: a key-only census of the program's projects (cursor paging, 5000 per page),
 * cut into one-page partitions that a bounded pool (p-limit) fetches in parallel while the census
 * continues. A partition that keeps failing is reported with its reason; the census itself failing
 * fails the load, since without it nobody knows what the program holds.
 */
import pLimit from 'p-limit';
import { bulkFetchIssues } from './bulk-fetch';
import type { JiraClient } from './client';
import { JiraError } from './errors';
import { projectIn } from './jql';
import { PartitionCutter, type CensusEntry, type Partition } from './partitions';
import type { RawIssue } from './schemas';
import { forEachTokenPage, KEY_ONLY_PAGE_SIZE, searchRawPage, SEARCH_PAGE_SIZE } from './search';

/**
 * The fields to read, as discovery learns them. `first` is known from the field catalog alone; `all`
 * once every board's estimation field is known too (one request per board, so on a site with many
 * boards it settles waves later), and holds every field of `first`. Pages start with `first` rather
 * than wait for the boards; a page read before `all` settled is read again only when `all` names a field
 * `first` did not (a board estimating with a field whose name is not a known story-point name).
 */
export interface FieldsToRead {
  first: Promise<readonly string[]>;
  all: Promise<readonly string[]>;
}

export interface ProgramFetchOptions {
  projectKeys: readonly string[];
  /** Promises, so the census can start while field discovery still runs. */
  fields: FieldsToRead;
  /** Issue properties to read with each issue (the impediments' escalation histories). */
  properties?: readonly string[];
  /** Requests in flight at most, census included. */
  concurrency: number;
  /** Receives each partition's issues as soon as they arrive (in completion order). */
  onIssues: (issues: RawIssue[]) => Promise<void>;
  onProgress?: (progress: FetchProgress) => void;
}

export interface FetchProgress {
  censusIssues: number;
  censusDone: boolean;
  partitionsDone: number;
  partitionsTotal: number;
  issuesFetched: number;
}

export interface PartitionFailure {
  scope: string;
  reason: string;
  /** The issues the partition should have read (their previous data can stand in for them). */
  ids?: readonly string[];
}

export interface ProgramFetchResult {
  issueCount: number;
  /** Every issue id the census found (the program's membership, for deletions). */
  censusIds: Set<string>;
  failures: PartitionFailure[];
  censusRestarts: number;
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function fetchProgram(
  client: JiraClient,
  options: ProgramFetchOptions,
): Promise<ProgramFetchResult> {
  const limit = pLimit(options.concurrency);
  const cutter = new PartitionCutter(SEARCH_PAGE_SIZE);
  const censusIds = new Set<string>();
  const failures: PartitionFailure[] = [];
  const running: Promise<void>[] = [];
  const progress: FetchProgress = {
    censusIssues: 0,
    censusDone: false,
    partitionsDone: 0,
    partitionsTotal: 0,
    issuesFetched: 0,
  };
  const report = () => options.onProgress?.({ ...progress });
  let fatal: Error | undefined;
  let allFields: readonly string[] | undefined;
  const all = options.fields.all.then((fields) => (allFields = fields));
  // Awaited by every partition; observed here so that a failed discovery is never unhandled.
  all.catch(() => undefined);

  const fetchPartition = async (partition: Partition): Promise<void> => {
    try {
      const first = await options.fields.first;
      let asked = first;
      // Only the exchange holds a pool slot: the next request leaves while this page is parsed and
      // processed, so eight requests stay in flight instead of waiting behind a whole wave's parsing.
      // The fields are chosen as the request leaves the pool: the whole list once the boards are known.
      const read = (fields?: readonly string[]) =>
        bulkFetchIssues(
          client,
          partition.ids,
          () => (asked = fields ?? allFields ?? first),
          options.properties,
          limit,
        );
      let page = await read();
      const wanted = await all;
      if (asked !== wanted && wanted.some((field) => !asked.includes(field))) page = await read(wanted);
      const { issues, missing } = page;
      // Deleted between census and fetch: gone from Jira, so gone from the program. Not a failure.
      missing.forEach((id) => censusIds.delete(id));
      progress.issuesFetched += issues.length;
      await options.onIssues(issues);
    } catch (error) {
      // A Jira failure costs this partition only; anything else (storage, a bug) stops the load.
      if (fatal === undefined && !(error instanceof JiraError))
        fatal = error instanceof Error ? error : new Error(String(error));
      failures.push({
        scope: `${partition.label} (${partition.ids.length} issues)`,
        reason: reasonOf(error),
        ids: partition.ids,
      });
    } finally {
      progress.partitionsDone++;
      report();
    }
  };
  const schedule = (partitions: Partition[]) => {
    progress.partitionsTotal += partitions.length;
    for (const partition of partitions) running.push(fetchPartition(partition));
  };

  const jql = `${projectIn(options.projectKeys)} ORDER BY key ASC`;
  // A census page's partitions are scheduled only once the next census page is queued: the pool is
  // first come, first served, so the census then waits behind the previous page's partitions, not its
  // own, and returns while those are still running. Scheduled before it, they would all have finished
  // by the time it left, and the pool would idle for the census page's round trip, once per page.
  const held: Partition[] = [];
  const censusPage = (token: string | undefined) => {
    const page = limit(() => searchRawPage(client, jql, ['key'], KEY_ONLY_PAGE_SIZE, token));
    schedule(held.splice(0));
    return page;
  };
  let censusRestarts = 0;
  try {
    if (options.projectKeys.length > 0) {
      censusRestarts = await forEachTokenPage(
        censusPage,
        (page) => {
          const entries: CensusEntry[] = page.map((i) => ({ id: i.id, key: i.key }));
          entries.forEach((e) => censusIds.add(e.id));
          progress.censusIssues += entries.length;
          held.push(...cutter.add(entries));
        },
        { idOf: (issue) => issue.id, maxPages: 10_000 },
      );
    }
    schedule([...held.splice(0), ...cutter.flush()]);
    progress.censusDone = true;
    report();
  } finally {
    // Whatever happened to the census, partitions already started must settle before we return.
    await Promise.all(running);
  }
  if (fatal !== undefined) throw fatal;
  return { issueCount: progress.issuesFetched, censusIds, failures, censusRestarts };
}
