/**
 * The MetaScrum panel's board: the ranked open epics with their readiness and dependencies, the teams'
 * ready-backlog horizons, the server-side filter, sort and paging, and the MetaScrum order with moves.
 */
import { z } from 'zod';
import { ActorSchema, IssueKeySchema, StatusCategorySchema } from './common';
import { EpicForecastSchema, SlipAlertViewSchema } from './forecast';
import { ProgramHeaderSchema } from './snapshot';
import { MAX_DRAFT_MOVES } from '../epic-move';

export const TeamHorizonSchema = z.object({
  team: z.string(),
  velocity: z.number().nullable(),
  readyPoints: z.number(),
  backlogItems: z.number().int(),
  readyItems: z.number().int(),
  horizonSprints: z.number().nullable(),
  status: z.enum(['red', 'green', 'amber', 'unknown']),
  reason: z.string(),
});
export type TeamHorizon = z.infer<typeof TeamHorizonSchema>;
export const BandSchema = z.object({ minSprints: z.number(), maxSprints: z.number() });

/** One open epic on the MetaScrum panel. */
export const BoardEpicSchema = z.object({
  key: z.string(),
  summary: z.string(),
  team: z.string(),
  statusName: z.string(),
  statusCategory: StatusCategorySchema,
  /** 1-based MetaScrum rank (the stored order, then Jira rank). */
  rank: z.number().int(),
  suggestedRank: z.number().int(),
  moveReason: z.string().nullable(),
  wsjf: z.number().nullable(),
  wsjfProblem: z.string().nullable(),
  /** Ready share of the open children's points, 0-100; null when they carry no points. */
  readiness: z.number().nullable(),
  readyPoints: z.number(),
  openPoints: z.number(),
  openChildren: z.number().int(),
  readyChildren: z.number().int(),
  depsIn: z.number().int(),
  depsOut: z.number().int(),
  conflicts: z.number().int(),
  inCycle: z.boolean(),
  critical: z.boolean(),
  impediments: z.number().int(),
  /** Ranked above an epic it needs. */
  inversion: z.boolean(),
  unblocksTeams: z.number().int(),
  unblocksItems: z.number().int(),
  /** The stored forecast (the gadget's numbers); null until the forecast has run on this epic. */
  forecast: EpicForecastSchema.omit({ key: true }).nullable(),
});
export type BoardEpic = z.infer<typeof BoardEpicSchema>;

export const BOARD_SORT_KEYS = [
  'rank',
  'key',
  'team',
  'wsjf',
  'readiness',
  'readyPoints',
  'depsIn',
  'depsOut',
  'conflicts',
  'impediments',
  /** By the P85 date; beyond the horizon, then unforecastable, then not forecast last in either direction. */
  'forecast',
] as const;
export type BoardSortKey = (typeof BOARD_SORT_KEYS)[number];

export const BoardFilterSchema = z
  .object({
    team: z.string().max(255).optional(),
    readiness: z.enum(['any', 'ready', 'not-ready']).optional(),
    conflictsOnly: z.boolean().optional(),
    text: z.string().max(100, 'must be at most 100 characters').optional(),
    sort: z.enum(BOARD_SORT_KEYS).optional(),
    order: z.enum(['asc', 'desc']).optional(),
  })
  .strict();
export type BoardFilter = z.infer<typeof BoardFilterSchema>;

export const BoardQuerySchema = BoardFilterSchema.extend({
  page: z.number().int().min(1, 'must be 1 or more').optional(),
  pageSize: z.number().int().min(5, 'must be at least 5').max(100, 'must be at most 100').optional(),
}).strict();
export type BoardQuery = z.infer<typeof BoardQuerySchema>;

export const OrderInfoSchema = z.object({
  source: z.enum(['explicit', 'jira-rank']),
  /** The stored order's version (0 = none set yet): a move names the version it was made on. */
  version: z.number().int(),
  changedAt: z.string().nullable(),
  changedBy: ActorSchema.nullable(),
  change: z.string().nullable(),
  /** Whether this user may change the order (they must see every team of the program). */
  canReorder: z.boolean(),
  reorderNote: z.string().nullable(),
});
export type OrderInfo = z.infer<typeof OrderInfoSchema>;

export const BoardSchema = ProgramHeaderSchema.extend({
  rows: z.array(BoardEpicSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Teams that can be filtered on. */
  teamOptions: z.array(z.string()),
  horizons: z.array(TeamHorizonSchema),
  band: BandSchema,
  order: OrderInfoSchema,
  /** The open slip alerts this user may see (the gadget's list), newest first. */
  slipAlerts: z.array(SlipAlertViewSchema),
  suggestion: z.object({
    moves: z.array(
      z.object({ key: z.string(), from: z.number().int(), to: z.number().int(), reason: z.string() }),
    ),
    inversions: z.array(z.object({ higher: z.string(), lower: z.string(), inCycle: z.boolean() })),
    /** How many there are in all: the lists above stop at the first 100 (by suggested rank). */
    moveCount: z.number().int(),
    inversionCount: z.number().int(),
  }),
});
export type Board = z.infer<typeof BoardSchema>;

const MoveFields = {
  key: IssueKeySchema,
  to: z.enum(['top', 'bottom', 'before', 'after']),
  /** With `to: "before"` or `"after"`: the epic to place it next to. */
  anchor: IssueKeySchema.optional(),
};
const hasAnchorWhereNeeded = (m: { to: string; anchor?: string | undefined }) =>
  (m.to !== 'before' && m.to !== 'after') || m.anchor !== undefined;
const anchorNeeded = () => ({ message: 'is required when to is "before" or "after"', path: ['anchor'] });
const BaseVersionSchema = z.number().int().min(0, 'must be 0 or more');

/**
 * A move in absolute terms (to the top or bottom, or next to a named epic), so that sending it twice
 * gives the same order, made on the order version the user saw: a move on an older version is refused
 * with CONFLICT and the current order.
 */
export const MoveEpicSchema = z
  .object({ ...MoveFields, baseVersion: BaseVersionSchema })
  .strict()
  .refine(hasAnchorWhereNeeded, anchorNeeded());

/** One move of a dry run (a draft of moves previewed before it is saved). */
export const EpicMoveSchema = z.object(MoveFields).strict().refine(hasAnchorWhereNeeded, anchorNeeded());
export type EpicMove = z.infer<typeof EpicMoveSchema>;

/** A dry run's moves, saved as one change of the order on the version the user saw. */
export const ApplyMovesSchema = z
  .object({
    moves: z
      .array(EpicMoveSchema)
      .min(1, 'must list at least one move')
      .max(MAX_DRAFT_MOVES, `must list at most ${MAX_DRAFT_MOVES} moves`),
    baseVersion: BaseVersionSchema,
  })
  .strict();
