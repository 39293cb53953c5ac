/**
 * A full rebuild of the program snapshot, as the app: discover fields and link types, take a census of
 * the program, fetch it in parallel partitions, write chunks as they fill, then switch the pointer.
 * Partitions that keep failing leave the snapshot marked partial with their reasons; a failed census or
 * discovery fails the build and leaves the previous snapshot in place.
 */
import { JiraBadRequest } from '../../jira/errors';
import { discoverFields, FIELD_ROLES, type DiscoveredFields, type FieldMap } from '../../jira/fields';
import { fetchProgram, type PartitionFailure } from '../../jira/program-fetch';
import { listBrowsableProjects, listIssueLinkTypes } from '../../jira/reads';
import type { IssueLinkType } from '../../jira/schemas';
import type { FieldOverrides, PartialReason } from '../../shared/contract';
import { ChunkWriter } from '../../storage/chunk-writer';
import { snapshotMetaKey } from '../../storage/keys';
import { readProgramSettings } from '../../storage/program-settings';
import type { SnapshotManifest } from '../../storage/snapshot-schema';
import { readManifest, switchTo, writeMeta } from '../../storage/snapshot-store';
import { newVersion, type SnapshotJobContext } from './build-context';
import { fieldsToRequest, toStoredIssue, withoutLinkedIssueFields } from './compact-issue';
import { ProgramMeta } from './program-meta';
import { propertiesToRequest } from './snapshot-properties';
import { summarizeChunks } from './manifest-totals';

function overridesOf(overrides: FieldOverrides | undefined): FieldMap {
  const map: FieldMap = {};
  for (const role of FIELD_ROLES) {
    const id = overrides?.[role];
    if (id !== undefined) map[role] = id;
  }
  return map;
}

/** The configured projects; none configured (or an empty list) = every project the app can browse. */
async function programProjectKeys(ctx: SnapshotJobContext, configured: readonly string[] | undefined) {
  return configured?.length ? configured : (await listBrowsableProjects(ctx.asApp)).map((p) => p.key);
}

/** Discovery runs alongside the census: the census needs only project keys, the partitions need fields. */
interface Discovery {
  fields: Promise<DiscoveredFields>;
  linkTypes: Promise<IssueLinkType[]>;
}

export async function buildFullSnapshot(ctx: SnapshotJobContext): Promise<SnapshotManifest> {
  const settings = await readProgramSettings();
  const previous = await readManifest();
  const discovery: Discovery = {
    fields: discoverFields(ctx.asApp, overridesOf(settings?.fieldOverrides)),
    linkTypes: listIssueLinkTypes(ctx.asApp),
  };
  // Observed now, awaited below: a failed discovery must fail the build, never go unhandled.
  discovery.fields.catch(() => undefined);
  discovery.linkTypes.catch(() => undefined);
  const projectKeys = await programProjectKeys(ctx, settings?.projectKeys);
  const startedAt = ctx.now();
  let attempt = await fetchInto(ctx, projectKeys, discovery);
  const discovered = await discovery.fields;
  const partial: PartialReason[] = discovered.problems.map((reason) => ({ scope: 'fields', reason }));
  if (attempt.censusRejected) {
    // A configured project was deleted or hidden from the app since it was saved: fetch the others.
    const visible = new Set((await listBrowsableProjects(ctx.asApp)).map((p) => p.key));
    const gone = projectKeys.filter((k) => !visible.has(k));
    if (gone.length === 0) throw attempt.censusRejected;
    gone.forEach((key) =>
      partial.push({ scope: key, reason: 'the project does not exist or the app cannot browse it' }),
    );
    attempt = await fetchInto(
      ctx,
      projectKeys.filter((k) => visible.has(k)),
      discovery,
    );
    if (attempt.censusRejected) throw attempt.censusRejected;
  }
  partial.push(...attempt.failures);
  ctx.reporter.update({ phase: 'storing' });
  const meta = attempt.meta ?? new ProgramMeta(discovered.fieldMap, await discovery.linkTypes);
  await writeMeta(attempt.metaKey, meta.toMeta());
  const at = new Date(ctx.now()).toISOString();
  const manifest: SnapshotManifest = {
    schemaVersion: 1,
    version: attempt.version,
    kind: 'full',
    builtAt: at,
    fullBuiltAt: at,
    syncedAt: new Date(startedAt).toISOString(),
    projectKeys: [...projectKeys],
    ...summarizeChunks(attempt.chunks, meta),
    fieldMap: meta.toMeta().fieldMap,
    metaKey: attempt.metaKey,
    partial,
    jiraRequests: ctx.asApp.sentRequests,
  };
  await switchTo(manifest, previous);
  return manifest;
}

interface FetchAttempt {
  version: string;
  metaKey: string;
  /** Undefined when no issue arrived (an empty program). */
  meta: ProgramMeta | undefined;
  chunks: Awaited<ReturnType<ChunkWriter['finish']>>;
  failures: PartitionFailure[];
  censusRejected?: JiraBadRequest;
}

async function fetchInto(
  ctx: SnapshotJobContext,
  projectKeys: readonly string[],
  discovery: Discovery,
): Promise<FetchAttempt> {
  const version = newVersion(ctx.now());
  const metaKey = snapshotMetaKey(version);
  const writer = new ChunkWriter(version);
  let meta: ProgramMeta | undefined;
  const failures: PartitionFailure[] = [];
  ctx.reporter.update({ phase: 'fetching' });
  try {
    const result = await fetchProgram(ctx.asApp, {
      projectKeys,
      fields: discovery.fields.then((d) => fieldsToRequest(d.fieldMap)),
      properties: await propertiesToRequest(),
      concurrency: ctx.concurrency,
      onIssues: async (issues) => {
        const { fieldMap } = await discovery.fields;
        meta ??= new ProgramMeta(fieldMap, await discovery.linkTypes);
        for (const issue of issues) {
          const stored = toStoredIssue(issue, fieldMap);
          meta.observe(stored);
          if (!writer.add(stored) && !writer.add(withoutLinkedIssueFields(stored))) {
            failures.push({ scope: issue.key, reason: 'the issue is larger than a storage chunk' });
          }
        }
      },
      onProgress: (p) =>
        ctx.reporter.update({
          issuesFetched: p.issuesFetched,
          partitionsDone: p.partitionsDone,
          partitionsTotal: p.partitionsTotal,
          jiraRequests: ctx.asApp.sentRequests,
        }),
    });
    failures.push(...result.failures);
  } catch (error) {
    await writer.finish().catch(() => undefined);
    if (error instanceof JiraBadRequest)
      return { version, metaKey, meta, chunks: [], failures, censusRejected: error };
    throw error;
  }
  return { version, metaKey, meta, chunks: await writer.finish(), failures };
}
