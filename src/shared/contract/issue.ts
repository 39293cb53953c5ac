/** The issue context panel: an issue's dependency trails, cycle, readiness checklist and badge. */
import { z } from 'zod';
import { DependencyStatusSchema, StatusCategorySchema } from './common';
import { AnalysisInfoSchema, SnapshotInfoSchema } from './snapshot';
import { IssueForecastSchema } from './forecast';

const TrailEntrySchema = z.object({
  key: z.string(),
  summary: z.string(),
  team: z.string().nullable(),
  statusName: z.string(),
  statusCategory: StatusCategorySchema,
  depth: z.number().int(),
  /** The sprint-order status of the edge that reaches this issue on the way out from the panel's issue. */
  status: DependencyStatusSchema,
  /** The issue one step closer to the panel's issue. */
  via: z.string(),
  inCycle: z.boolean(),
  critical: z.boolean(),
});
export type TrailEntry = z.infer<typeof TrailEntrySchema>;

const EpicLinkSchema = z.object({
  /** The epic's child that carries the dependency. */
  child: z.string(),
  /** The issue at the other end (needs: the prerequisite; needed by: the dependant). */
  other: z.string(),
  status: DependencyStatusSchema,
});

/** An epic's children's dependencies, as the MetaScrum panel counts them, and its readiness in words. */
export const EpicRollupSchema = z.object({
  needs: z.array(EpicLinkSchema),
  neededBy: z.array(EpicLinkSchema),
  /** Each conflicting dependency once (cross-team or not); direction as seen from the child. */
  conflicts: z.array(EpicLinkSchema.extend({ direction: z.enum(['needs', 'neededBy']) })),
  /** The cycles its children are in, as closed paths in dependency order (null = hidden). */
  cycles: z.array(z.array(z.string().nullable())),
  /** Links to or from issues the user cannot see: counted, never named. */
  hiddenLinks: z.number().int(),
  readiness: z.string(),
});
export type EpicRollup = z.infer<typeof EpicRollupSchema>;

export const IssueContextSchema = z.object({
  issue: z.object({
    key: z.string(),
    summary: z.string(),
    team: z.string().nullable(),
    kind: z.enum(['epic', 'backlog', 'other']),
  }),
  upstream: z.array(TrailEntrySchema),
  downstream: z.array(TrailEntrySchema),
  inCycle: z.boolean(),
  /** The other members of its cycle that the user may see. */
  cycleWith: z.array(z.string()),
  /** Its cycle as a closed path in dependency order (see shared/cycle-wording.ts); null = hidden. */
  cyclePath: z.array(z.string().nullable()),
  critical: z.boolean(),
  readiness: z
    .object({
      ready: z.boolean(),
      score: z.number(),
      rules: z.array(
        z.object({
          id: z.string(),
          pass: z.boolean(),
          reason: z.string(),
          required: z.boolean(),
          weight: z.number(),
        }),
      ),
    })
    .nullable(),
  /** Open items this open impediment blocks, and open impediments that block this issue (visible ones). */
  /** Set for an open epic of the program. */
  epic: EpicRollupSchema.nullable(),
  /** Its forecast (an open backlog item or epic of the program), else null. */
  forecast: IssueForecastSchema.nullable(),
  impediments: z.object({ blocks: z.array(z.string()), blockedBy: z.array(z.string()) }),
  /** Open conflicts and blockers (prerequisites and impediments) on it: the collapsed panel's badge. */
  badge: z.object({ conflicts: z.number().int(), blockers: z.number().int() }),
  hiddenIssueCount: z.number().int(),
  snapshot: SnapshotInfoSchema,
  analysis: AnalysisInfoSchema,
});
export type IssueContext = z.infer<typeof IssueContextSchema>;
