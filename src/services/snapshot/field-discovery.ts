/**
 * What a full build learns before its pages: the field catalog, the boards' estimation fields and the
 * link types. It runs alongside the census (which needs only project keys); the pages need the fields.
 */
import type { ProgramConfig } from '../../domain/config/program-config';
import {
  resolvedFieldIds,
  type BoardEstimation,
  type CatalogField,
  type FieldResolution,
} from '../../domain/config/field-resolution';
import { resolveFields } from '../../domain/config/resolve-fields';
import { storyPointCandidates } from '../../domain/config/resolve-story-points';
import { JiraForbidden, JiraNotFound } from '../../jira/errors';
import { listBoardEstimations } from '../../jira/fields';
import type { FieldsToRead } from '../../jira/program-fetch';
import type { IssueLinkType } from '../../jira/schemas';
import type { SnapshotJobContext } from './build-context';
import { fieldsToRequest } from './compact-issue';

/** What the fetch needs before the first page: the fields to request and to read while it streams. */
export interface FieldDiscovery {
  catalog: CatalogField[];
  boards: BoardEstimation[];
  /** Why the boards could not be read (Jira Software absent or hidden from the app). */
  boardProblem: string | undefined;
  /** Every role but story points is settled here; story points wait for the observed values. */
  preliminary: FieldResolution;
  candidates: string[];
}

/** Discovery runs alongside the census: the census needs only project keys, the partitions need fields. */
export interface Discovery {
  fields: Promise<FieldDiscovery>;
  /** What the pages request: from the catalog first, then with the boards' estimation fields. */
  toRead: FieldsToRead;
  linkTypes: Promise<IssueLinkType[]>;
}

/**
 * The fields to request, from the catalog alone and then with the boards. Boards change only which
 * story-point field is read, and a board's field joins the candidates, so the first list lacks a field
 * of the whole one only when a board estimates with a field no known story-point name matches.
 */
export function fieldsToRead(
  catalogReply: Promise<CatalogField[]>,
  discovered: Promise<FieldDiscovery>,
  config: ProgramConfig,
  previousPoints: string | undefined,
): FieldsToRead {
  const first = catalogReply.then((catalog) => {
    const resolution = resolveFields({ catalog, boards: [], observed: new Map(), overrides: config.fields });
    const candidates = storyPointCandidates(catalog, []);
    // Only a field the catalog still has: asking for a deleted one would cost bytes for nothing.
    if (previousPoints !== undefined && catalog.some((f) => f.id === previousPoints))
      candidates.push(previousPoints);
    return fieldsToRequest([...resolvedFieldIds(resolution), ...candidates]);
  });
  const all = Promise.all([first, discovered]).then(([early, d]) =>
    fieldsToRequest([...early, ...resolvedFieldIds(d.preliminary), ...d.candidates]),
  );
  return { first, all };
}

async function boardsOf(ctx: SnapshotJobContext, projectKeys: readonly string[]) {
  try {
    return { boards: await listBoardEstimations(ctx.asApp, projectKeys), problem: undefined };
  } catch (error) {
    if (!(error instanceof JiraNotFound || error instanceof JiraForbidden)) throw error;
    const problem = `boards could not be read (${error.message}): story points were resolved without them`;
    return { boards: [], problem };
  }
}

async function discoverFields(
  ctx: SnapshotJobContext,
  catalogReply: Promise<CatalogField[]>,
  projectKeys: readonly string[],
  config: ProgramConfig,
): Promise<FieldDiscovery> {
  const [catalog, { boards, problem }] = await Promise.all([catalogReply, boardsOf(ctx, projectKeys)]);
  return fieldDiscoveryOf(catalog, boards, problem, config);
}

/** What the catalog and the boards settle before the first page (pure: the build and its tests share it). */
export function fieldDiscoveryOf(
  catalog: CatalogField[],
  boards: BoardEstimation[],
  boardProblem: string | undefined,
  config: ProgramConfig,
): FieldDiscovery {
  return {
    catalog,
    boards,
    boardProblem,
    preliminary: resolveFields({ catalog, boards, observed: new Map(), overrides: config.fields }),
    candidates: storyPointCandidates(catalog, boards),
  };
}

/** Starts discovery from the catalog and link-type requests already sent; the boards are read here. */
export function discover(
  ctx: SnapshotJobContext,
  input: {
    catalog: Promise<CatalogField[]>;
    linkTypes: Promise<IssueLinkType[]>;
    projectKeys: readonly string[];
    config: ProgramConfig;
    /** The story-point field the previous build read program-wide, if any. */
    previousPoints: string | undefined;
  },
): Discovery {
  const fields = discoverFields(ctx, input.catalog, input.projectKeys, input.config);
  const toRead = fieldsToRead(input.catalog, fields, input.config, input.previousPoints);
  // Observed now, awaited by the build or the fetch: a failed discovery must never go unhandled.
  for (const reply of [fields, toRead.first, toRead.all]) reply.catch(() => undefined);
  return { fields, toRead, linkTypes: input.linkTypes };
}
