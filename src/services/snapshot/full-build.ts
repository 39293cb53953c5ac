/**
 * A full rebuild of the program snapshot, as the app: read the field catalog, the boards' estimation
 * fields and the link types, take a census of the program, fetch it in parallel partitions (with every
 * story-point candidate), write chunks as they fill, resolve the fields from what the issues carry, then
 * switch the pointer.
 * Partitions that keep failing leave the snapshot marked partial with their reasons; a failed census or
 * discovery fails the build and leaves the previous snapshot in place.
 */
import { JiraBadRequest } from '../../jira/errors';
import { fieldMapOf } from '../../domain/config/field-resolution';
import { resolveFields } from '../../domain/config/resolve-fields';
import { listFields } from '../../jira/fields';
import { fetchProgram, type PartitionFailure } from '../../jira/program-fetch';
import { listBrowsableProjects, listIssueLinkTypes } from '../../jira/reads';
import type { PartialReason } from '../../shared/contract';
import { ChunkWriter } from '../../storage/chunk-writer';
import { snapshotMetaKey } from '../../storage/keys';
import { readProgramConfig } from '../../storage/program-config';
import type { SnapshotManifest } from '../../storage/snapshot-schema';
import { readManifest, switchTo, writeMeta } from '../../storage/snapshot-store';
import { aggregateReasons, keepPreviousIssues } from './previous-data';
import { fenceOf, newVersion, type SnapshotJobContext } from './build-context';
import { toStoredIssue } from './compact-issue';
import { discover, type Discovery } from './field-discovery';
import { fitIssue, trimWarning } from './fit-issue';
import { ProgramMeta } from './program-meta';
import { propertiesToRequest } from './snapshot-properties';
import { summarizeChunks } from './manifest-totals';
import { ISSUE_SHAPE } from './issue-shape';

/** The configured projects; none configured (or an empty list) = every project the app can browse. */
async function programProjectKeys(ctx: SnapshotJobContext, configured: readonly string[] | undefined) {
  return configured?.length ? configured : (await listBrowsableProjects(ctx.asApp)).map((p) => p.key);
}

export async function buildFullSnapshot(ctx: SnapshotJobContext): Promise<SnapshotManifest> {
  const config = await readProgramConfig();
  const previous = await readManifest();
  const catalog = listFields(ctx.asApp);
  const linkTypes = listIssueLinkTypes(ctx.asApp);
  // Observed now, awaited below: a failed discovery must fail the build, never go unhandled.
  catalog.catch(() => undefined);
  linkTypes.catch(() => undefined);
  const projectKeys = await programProjectKeys(ctx, config.projects);
  // The story-point field the previous build read is asked for from the first page: a board estimating
  // with a field of another name then costs no second read of the pages sent before the boards answer.
  const previousPoints = previous?.fieldMap.storyPoints;
  const discovery = discover(ctx, { catalog, linkTypes, projectKeys, config, previousPoints });
  const startedAt = ctx.now();
  let attempt = await fetchInto(ctx, projectKeys, discovery, previous);
  const discovered = await discovery.fields;
  const partial: PartialReason[] = discovered.preliminary.fields
    .filter((f) => config.fields[f.role] !== undefined && f.source === 'missing')
    .map((f) => ({ scope: 'fields', reason: `${f.role}: ${f.note}` }));
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
      previous,
    );
    if (attempt.censusRejected) throw attempt.censusRejected;
  }
  partial.push(...aggregateReasons(attempt.failures));
  ctx.reporter.update({ phase: 'storing' });
  const meta = attempt.meta ?? new ProgramMeta(discovered.preliminary, await discovery.linkTypes);
  const resolution = resolveFields({
    catalog: discovered.catalog,
    boards: discovered.boards,
    observed: meta.observedValues(),
    overrides: config.fields,
  });
  if (discovered.boardProblem) resolution.warnings.push(discovered.boardProblem);
  meta.settle(resolution);
  await writeMeta(attempt.metaKey, meta.toMeta());
  const at = new Date(ctx.now()).toISOString();
  const manifest: SnapshotManifest = {
    schemaVersion: 1,
    version: attempt.version,
    issueShape: ISSUE_SHAPE,
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
  await switchTo(manifest, previous, fenceOf(ctx));
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
  previous: SnapshotManifest | undefined,
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
      fields: discovery.toRead,
      properties: await propertiesToRequest(),
      concurrency: ctx.concurrency,
      onIssues: async (issues) => {
        const { preliminary, candidates } = await discovery.fields;
        const fieldMap = fieldMapOf(preliminary);
        meta ??= new ProgramMeta(preliminary, await discovery.linkTypes, candidates);
        for (const issue of issues) {
          const stored = toStoredIssue(issue, fieldMap);
          meta.observe(stored);
          const fitted = fitIssue(stored, writer.maxIssueBytes);
          if (fitted) writer.add(fitted.issue, fitted.json);
          const warning = trimWarning(issue.key, fitted);
          if (warning) failures.push(warning);
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
    const unread = new Set(result.failures.flatMap((f) => f.ids ?? []));
    if (previous && unread.size > 0) {
      const { preliminary, candidates } = await discovery.fields;
      meta ??= new ProgramMeta(preliminary, await discovery.linkTypes, candidates);
      const kept = await keepPreviousIssues(previous, unread, writer, meta);
      if (kept > 0)
        failures.push({
          scope: `${kept} issues`,
          reason: 'not read from Jira this time: their previous data is kept',
        });
    }
  } catch (error) {
    await writer.finish().catch(() => undefined);
    if (error instanceof JiraBadRequest)
      return { version, metaKey, meta, chunks: [], failures, censusRejected: error };
    throw error;
  }
  return { version, metaKey, meta, chunks: await writer.finish(), failures };
}
