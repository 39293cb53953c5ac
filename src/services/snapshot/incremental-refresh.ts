/**
 * An incremental refresh: re-read only what changed since the last sync and rewrite only the chunks it
 * touches; unchanged chunks are shared with the previous version. Changes are found two ways:
 * `updated >= -<minutes>m` (relative, so Jira's clock and time zone apply; minutes since the last sync
 * plus a safety margin for clock skew and index lag), and the issues Jira events named, read by id from
 * Jira's database (bulkfetch) because the search index may not show them yet. Deleted issues come from
 * events; an issue named by an event that Jira no longer returns is deleted too. Deletions that no
 * event reported are reconciled by the next full rebuild.
 */
import { bulkFetchIssues, BULK_FETCH_LIMIT } from '../../jira/bulk-fetch';
import { fieldMapOf, resolvedFieldIds } from '../../domain/config/field-resolution';
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

export const SAFETY_MARGIN_MINUTES = 5;

async function fetchNamed(
  ctx: SnapshotJobContext,
  refs: readonly string[],
  fields: readonly string[],
  properties: readonly string[],
) {
  const issues: RawIssue[] = [];
  const missing: string[] = [];
  for (let i = 0; i < refs.length; i += BULK_FETCH_LIMIT) {
    const result = await bulkFetchIssues(ctx.asApp, refs.slice(i, i + BULK_FETCH_LIMIT), fields, properties);
    issues.push(...result.issues);
    missing.push(...result.missing);
  }
  return { issues, missing };
}

export async function refreshSnapshot(
  ctx: SnapshotJobContext,
  manifest: SnapshotManifest,
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
  const minutes = Math.ceil((startedAt - Date.parse(manifest.syncedAt)) / 60_000) + SAFETY_MARGIN_MINUTES;
  const changed =
    manifest.projectKeys.length === 0
      ? []
      : await searchRawIssues(
          ctx.asApp,
          `${projectIn(manifest.projectKeys)} AND updated >= "-${minutes}m" ORDER BY key ASC`,
          fields,
          properties,
        );
  const seen = new Set(changed.flatMap((i) => [i.id, i.key]));
  const toRead = [
    ...new Set(pending.filter((p) => p.change === 'upsert' && !seen.has(p.ref)).map((p) => p.ref)),
  ];
  const named = await fetchNamed(ctx, toRead, fields, properties);
  const inProgram = new Set(manifest.projectKeys);
  const upserts = [...changed, ...named.issues]
    .map((issue) => toStoredIssue(issue, fieldMap))
    .filter((issue) => inProgram.has(issue.key.slice(0, issue.key.lastIndexOf('-'))));
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
  const next: SnapshotManifest = {
    ...manifest,
    version,
    kind: 'incremental',
    builtAt: new Date(ctx.now()).toISOString(),
    syncedAt: new Date(startedAt).toISOString(),
    ...summarizeChunks(chunks, meta),
    metaKey,
    partial,
    jiraRequests: ctx.asApp.sentRequests,
  };
  await switchTo(next, manifest, fenceOf(ctx));
  await clearPendingChanges(pending.map((p) => p.storageKey));
  return next;
}

export type { StoredIssue };
