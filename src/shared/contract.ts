/**
 * The one contract between the Custom UI and the resolvers: every resolver key, its payload schema and
 * its response schema. The UI imports only the *types* from here (so zod stays out of the UI bundle);
 * the backend parses every payload with these schemas before any work is done. The schemas themselves
 * live by concern under ./contract/ and are re-exported here, so this stays the one entry point.
 */
import { z } from 'zod';
import { AdminConfigSchema, AdminSettingsSchema } from './contract/admin';
import {
  BoardFilterSchema,
  BoardQuerySchema,
  BoardSchema,
  MoveEpicSchema,
  ApplyMovesSchema,
  OrderInfoSchema,
} from './contract/board';
import { IssueKeySchema } from './contract/common';
import { MAX_PREVIEW_ORDER, OrderPreviewSchema } from './contract/forecast';
import { GadgetConfigSchema, SteeringSchema } from './contract/gadget';
import { IssueContextSchema } from './contract/issue';
import {
  AgendaSchema,
  CsvExportSchema,
  DependencyMapSchema,
  RankFlowResultSchema,
  RankFlowSchema,
} from './contract/panel';
import { SnapshotStatusSchema } from './contract/snapshot';
import { sosContract } from './contract/sos';
import { historyContract } from './contract/history';
import { ownersContract } from './contract/owners';
import { impedimentContract } from './impediment-contract';
import { programsContract } from './contract/programs';

export * from './contract/admin';
export * from './contract/board';
export * from './contract/common';
export * from './contract/gadget';
export * from './contract/history';
export * from './contract/owners';
export * from './contract/forecast';
export * from './contract/issue';
export * from './contract/panel';
export * from './contract/programs';
export * from './contract/snapshot';
export * from './contract/sos';

const Empty = z.object({}).strict();

/** More teams than any program has: a bound on the work one call can ask for. */
export const MAX_TEAMS = 500;

/** Each value once (a repeated team would be ranked again): found in one pass, named by position. */
function refuseRepeats(values: readonly string[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [i], message: `${value} is listed twice` });
    seen.add(value);
  });
}

/** Every resolver key with its payload and response schema. */
export const contract = {
  'admin/getSettings': { payload: Empty, response: AdminSettingsSchema },
  /** Jira administrators only: re-read the whole program (also reconciles deletions events missed). */
  'admin/rebuildSnapshot': { payload: Empty, response: SnapshotStatusSchema },
  'panel/getBoard': { payload: BoardQuerySchema, response: BoardSchema },
  /** Needs every team of the program in view; persisted as the MetaScrum order with who and when. */
  'panel/moveEpic': { payload: MoveEpicSchema, response: OrderInfoSchema },
  /** A dry run's moves (previewed before saving) as one change of the order, on the version seen. */
  'panel/applyMoves': { payload: ApplyMovesSchema, response: OrderInfoSchema },
  'panel/acceptSuggestedOrder': {
    payload: z.object({ baseVersion: z.number().int().min(0, 'must be 0 or more') }).strict(),
    response: OrderInfoSchema,
  },
  /** One suggested move on its own: the epic goes to its suggested rank, on the order version seen. */
  'panel/acceptSuggestedMove': {
    payload: z
      .object({ key: IssueKeySchema, baseVersion: z.number().int().min(0, 'must be 0 or more') })
      .strict(),
    response: OrderInfoSchema,
  },
  /** How the epics' forecasts would change under a proposed order (visible epics; nothing is saved). */
  'panel/previewOrder': {
    payload: z
      .object({
        order: z
          .array(IssueKeySchema)
          .min(1, 'must list at least one epic')
          .max(MAX_PREVIEW_ORDER, `must list at most ${MAX_PREVIEW_ORDER} epics`)
          .superRefine(refuseRepeats),
      })
      .strict(),
    response: OrderPreviewSchema,
  },
  'panel/previewRankFlow': { payload: Empty, response: RankFlowSchema },
  /** Applies the previewed rank moves as the user (Jira's own permissions apply); reports partial results. */
  'panel/applyRankFlow': {
    payload: z
      .object({
        teams: z
          .array(z.string().min(1).max(255))
          .min(1, 'choose at least one team')
          .max(MAX_TEAMS, `at most ${MAX_TEAMS} teams`)
          .superRefine(refuseRepeats),
      })
      .strict(),
    response: RankFlowResultSchema,
  },
  'panel/getDependencyMap': {
    payload: z.object({ team: z.string().max(255).optional() }).strict(),
    response: DependencyMapSchema,
  },
  'panel/getAgenda': {
    /** Up to every item the agenda keeps (300): the UI pages what it shows. */
    payload: z.object({ limit: z.number().int().min(1).max(300, 'must be at most 300').optional() }).strict(),
    response: AgendaSchema,
  },
  'panel/exportCsv': { payload: BoardFilterSchema, response: CsvExportSchema },
  'issue/getContext': {
    payload: z.object({ issueKey: IssueKeySchema }).strict(),
    response: IssueContextSchema,
  },
  'gadget/getSteering': {
    payload: z.object({ config: GadgetConfigSchema }).strict(),
    response: SteeringSchema,
  },
  'admin/getConfig': { payload: Empty, response: AdminConfigSchema },
  /** The full program config; every invalid field is named (`problems`), nothing is stored. */
  /** `baseVersion`: the version the admin edited (0 = none saved); a newer one answers CONFLICT. */
  'admin/saveConfig': {
    payload: z
      .object({
        config: z.record(z.string(), z.unknown()),
        baseVersion: z.number().int().min(0, 'must be 0 or more'),
        /** Move the open impediments of removed ladder levels (the save is refused without it). */
        confirmLevelRemoval: z.boolean().optional(),
      })
      .strict(),
    response: AdminConfigSchema,
  },
  'admin/restoreConfigVersion': {
    payload: z
      .object({
        version: z.number().int().min(1, 'must be a saved version'),
        baseVersion: z.number().int().min(0, 'must be 0 or more'),
        confirmLevelRemoval: z.boolean().optional(),
      })
      .strict(),
    response: AdminConfigSchema,
  },
  /** Anyone: the snapshot's age and the latest job's progress. */
  'snapshot/getStatus': { payload: Empty, response: SnapshotStatusSchema },
  /** Anyone: ask for an incremental refresh (what changed since the last sync); rate-limited. */
  'snapshot/requestRefresh': { payload: Empty, response: SnapshotStatusSchema },
  ...impedimentContract,
  ...sosContract,
  ...historyContract,
  ...ownersContract,
  ...programsContract,
} as const;

export type ResolverKey = keyof typeof contract;
/** Any payload may name the program it is about (resolvers/program-payload.ts); omitted = `default`. */
export type PayloadOf<K extends ResolverKey> = z.input<(typeof contract)[K]['payload']> & {
  programId?: string;
};
export type ResponseOf<K extends ResolverKey> = z.infer<(typeof contract)[K]['response']>;

export const ErrorCodeSchema = z.enum([
  'BAD_PAYLOAD',
  /** The change was made on an older version of what it changes; nothing was stored. */
  'CONFLICT',
  'FORBIDDEN',
  'NOT_FOUND',
  /** The issue exists and the user may browse it, but its project is not one of the program's. */
  'NOT_IN_PROGRAM',
  'JIRA_RATE_LIMITED',
  'JIRA_UNAVAILABLE',
  'JIRA_BAD_REPLY',
  /** A retry or a paced wait (Jira or storage) would have outlived Forge's time limit; nothing half-done. */
  'TIMED_OUT',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export interface ResolverError {
  code: ErrorCode;
  message: string;
  /** The payload field at fault, as a dotted path, when the error is about one field. */
  field?: string;
  /** Every invalid field when there are several (the admin's program config). */
  problems?: Array<{ field: string; message: string }>;
  /** With CONFLICT on the MetaScrum order: the order as it is now, to reload from. */
  currentOrder?: z.infer<typeof OrderInfoSchema>;
  /** With FORBIDDEN when Jira would refuse the user the action: the permission and issue it lacks. */
  missingPermission?: { permission: string; issueKey: string };
}

/** Every resolver answers with this envelope: the UI never has to guess at thrown errors. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ResolverError };
