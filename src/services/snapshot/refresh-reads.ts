/**
 * The reads of an incremental refresh, each allowed to fail on its own: a Jira failure (after the
 * client's retries) is recorded with its scope and the issues it concerned, and the refresh goes on
 * with what it could read. Anything that is not a Jira failure is a bug and still fails the job.
 */
import { bulkFetchIssues, BULK_FETCH_LIMIT } from '../../jira/bulk-fetch';
import type { JiraClient } from '../../jira/client';
import { JiraError } from '../../jira/errors';
import { chunksOf } from '../../jira/request-limits';
import type { RawIssue } from '../../jira/schemas';

/** A part a refresh could not read: its scope, why, and the issue refs whose notes must be kept. */
export interface Unread {
  scope: string;
  reason: string;
  refs: string[];
}

/** Runs `read`; a Jira failure is added to `unread` (returning undefined), anything else is thrown. */
export async function readOrReport<T>(
  unread: Unread[],
  scope: string,
  refs: string[],
  read: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof JiraError)) throw error;
    unread.push({ scope, reason: error.message, refs });
    return undefined;
  }
}

/** The issues named by id or key, {@link BULK_FETCH_LIMIT} per request; a failed request is reported. */
export async function fetchNamed(
  asApp: JiraClient,
  refs: readonly string[],
  fields: readonly string[],
  properties: readonly string[],
  unread: Unread[],
) {
  const issues: RawIssue[] = [];
  const missing: string[] = [];
  for (const batch of chunksOf(refs, BULK_FETCH_LIMIT)) {
    const scope = batch.length === 1 ? `${batch[0]}` : `${batch[0]} and ${batch.length - 1} more issues`;
    const result = await readOrReport(unread, scope, batch, () =>
      bulkFetchIssues(asApp, batch, fields, properties),
    );
    issues.push(...(result?.issues ?? []));
    missing.push(...(result?.missing ?? []));
  }
  return { issues, missing };
}
