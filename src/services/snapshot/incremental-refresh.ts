/**
 * An incremental refresh: re-read only what changed since the last sync and rewrite only the chunks it
 * touches; unchanged chunks are shared with the previous version. Changes are found two ways:
 * `updated >= -<minutes>m` (relative, so Jira's clock and time zone apply; minutes since the last sync
 * plus a safety margin for clock skew and index lag), and the issues Jira events named, read by id from
 * Jira's database (bulkfetch) because the search index may not show them yet. A targeted refresh (the
 * app's own writes) reads exactly the issues it names plus the noted ones, and no `updated` search.
 * Deleted issues come from events; an issue named by an event that Jira no longer returns is deleted
 * too. Deletions that no event reported are reconciled by the next full rebuild.
 *
 * Never less data: a read that keeps failing leaves its issues at their previous data, keeps their
 * notes for the next refresh, and marks the result partial (reasons aggregated). Only a refresh that
 * could read nothing at all fails.
 */
import { fieldMapOf, resolvedFieldIds } from '../../domain/config/field-resolution';
import { projectKeyOf } from '../../domain/issue-key';
import { BULK_FETCH_LIMIT } from '../../jira/bulk-fetch';
import { projectIn } from '../../jira/jql';
import type { RawIssue } from '../../jira/schemas';
import { searchRawIssues } from '../../jira/search';
import { readPendingChanges, clearPendingChanges } from '../../storage/pending-changes';
import type { SnapshotManifest, StoredIssue } from '../../storage/snapshot-schema';
import { readMeta, switchTo, writeMeta } from '../../storage/snapshot-store';
import { snapshotMetaKey } from '../../storage/keys';
import { fenceOf, newVersion, type SnapshotJobContext } from './build-context';
import { fieldsToRequest, toStoredIssue } from './compact-issue';
import { propertiesToRequest } from './snapshot-properties';
import { applyChanges } from './chunk-patch';
import { ProgramMeta, resolutionOf } from './program-meta';
import { summarizeChunks } from './manifest-totals';
import { aggregateReasons } from './previous-data';
import { fetchNamed, readOrReport, type Unread } from './refresh-reads';

export const SAFETY_MARGIN_MINUTES = 5;

export async function refreshSnapshot(
  ctx: SnapshotJobContext,
  manifest: SnapshotManifest,
  targeted?: readonly string[],
): Promise<SnapshotManifest> {
  const startedAt = ctx.now();
  // The fields as the last full build resolved them: a refresh never re-resolves (the next full build does).
  const oldMeta = await readMeta(manifest);
  const resolution = resolutionOf(oldMeta);
  const fieldMap = fieldMapOf(resolution);
  const fields = fieldsToRequest(resolvedFieldIds(resolution));
  const properties = await propertiesToRequest();
  const pending = await readPendingChanges();
  ctx.reporter.update({ phase: 'fetching' });
  const unread: Unread[] = [];
  const minutes = Math.ceil((startedAt - Date.parse(manifest.syncedAt)) / 60_000) + SAFETY_MARGIN_MINUTES;
  const searchTried = !targeted && manifest.projectKeys.length > 0;
  const searched = !searchTried
    ? []
    : await readOrReport(unread, `changes of the last ${minutes} minutes`, [], () =>
        searchRawIssues(
          ctx.asApp,
          `${projectIn(manifest.projectKeys)} AND updated >= "-${minutes}m" ORDER BY key ASC`,
          fields,
          properties,
        ),
      );
  const changed: RawIssue[] = searched ?? [];
  const seen = new Set(changed.flatMap((i) => [i.id, i.key]));
  const noted = pending.filter((p) => p.change === 'upsert').map((p) => p.ref);
  const toRead = [...new Set([...(targeted ?? []), ...noted])].filter((ref) => !seen.has(ref));
  const named = await fetchNamed(ctx.asApp, toRead, fields, properties, unread);
  const reads = (searchTried ? 1 : 0) + Math.ceil(toRead.length / BULK_FETCH_LIMIT);
  if (unread.length > 0 && unread.length === reads) {
    // Nothing could be read: fail the job (the previous snapshot stays; every surface says so).
    throw new Error(
      aggregateReasons(unread)
        .map((u) => `${u.scope}: ${u.reason}`)
        .join('; '),
    );
  }
  const inProgram = new Set(manifest.projectKeys);
  const upserts = [...changed, ...named.issues]
    .map((issue) => toStoredIssue(issue, fieldMap))
    .filter((issue) => inProgram.has(projectKeyOf(issue.key)));
  const deletions = [...pending.filter((p) => p.change === 'delete').map((p) => p.ref), ...named.missing];

  ctx.reporter.update({
    phase: 'storing',
    issuesFetched: upserts.length,
    jiraRequests: ctx.asApp.sentRequests,
  });
  const version = newVersion(ctx.now());
  const meta = ProgramMeta.from(oldMeta, manifest.projects);
  upserts.forEach((issue) => meta.observe(issue));
  const { chunks, warnings } = await applyChanges(manifest.chunks, version, upserts, deletions);
  const rewritten = new Set(upserts.map((u) => u.key));
  // A changed issue's earlier trim warning is replaced by this refresh's (or dropped when it now fits).
  const partial = [...manifest.partial.filter((p) => !rewritten.has(p.scope)), ...warnings];
  const newMeta = meta.toMeta();
  const metaChanged = JSON.stringify(newMeta) !== JSON.stringify(oldMeta);
  const metaKey = metaChanged ? snapshotMetaKey(version) : manifest.metaKey;
  if (metaChanged) await writeMeta(metaKey, newMeta);
  // A targeted refresh or a failed search did not look at the `updated` window: the next one must.
  const windowRead = !targeted && searched !== undefined;
  const next: SnapshotManifest = {
    ...manifest,
    version,
    kind: 'incremental',
    builtAt: new Date(ctx.now()).toISOString(),
    syncedAt: windowRead ? new Date(startedAt).toISOString() : manifest.syncedAt,
    ...summarizeChunks(chunks, meta),
    metaKey,
    refreshPartial: aggregateReasons(unread),
    partial,
    jiraRequests: ctx.asApp.sentRequests,
  };
  await switchTo(next, manifest, fenceOf(ctx));
  // Notes of issues that could not be read stay for the next refresh.
  const retry = new Set(unread.flatMap((u) => u.refs));
  await clearPendingChanges(pending.filter((p) => !retry.has(p.ref)).map((p) => p.storageKey));
  return next;
}

export type { StoredIssue };
