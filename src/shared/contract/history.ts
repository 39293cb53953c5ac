/**
 * The gadget's history (issue 14, item 5): where are we now against 2, 4 and 8 weeks ago, from the
 * daily summaries. Kept apart from contract.ts (which merges `historyContract` in) so the gadget's other
 * sections can grow independently.
 */
import { z } from 'zod';
import { GadgetConfigSchema } from './gadget';

/** The points the trend charts draw: now, then one a week back to 8 weeks ago. */
export const HISTORY_WEEKS = [0, 1, 2, 3, 4, 5, 6, 7, 8] as const;
/** The points the gadget compares "now" with. */
export const COMPARED_WEEKS = [2, 4, 8] as const;

const TeamPointSchema = z.object({
  horizonSprints: z.number().nullable(),
  readyShare: z.number().nullable(),
  velocity: z.number().nullable(),
  conflictsSuffered: z.number().int(),
  conflictsCaused: z.number().int(),
  /** Open impediments per level of `levels`. */
  impediments: z.array(z.number().int()),
});
export type TeamPoint = z.infer<typeof TeamPointSchema>;

const ProgramPointSchema = z.object({
  cycles: z.number().int(),
  criticalPathLength: z.number(),
  impediments: z.array(z.number().int()),
});
export type ProgramPoint = z.infer<typeof ProgramPointSchema>;

const EpicPointSchema = z.object({ p85Sprint: z.number().int().nullable(), p85Date: z.string().nullable() });

export const HistorySchema = z.object({
  /** One per HISTORY_WEEKS entry: the stored day standing for that date, or null (no history then). */
  points: z.array(z.object({ weeksAgo: z.number().int(), day: z.string().nullable() })),
  /** The ladder's levels as the latest day has them. */
  levels: z.array(z.string()),
  /** Some day shown was seeded by the local preview from the demo program, not recorded. */
  demo: z.boolean(),
  /** Only teams whose project (or one of whose epics) the viewer may browse. */
  teams: z.array(z.object({ team: z.string(), series: z.array(TeamPointSchema.nullable()) })),
  /** Program-wide numbers: only for a viewer who may browse every project of the program. */
  program: z.object({ series: z.array(ProgramPointSchema.nullable()) }).nullable(),
  /** Today's top epics the viewer may browse, with their P85 at each point (null: not forecast then). */
  topEpics: z.array(z.object({ key: z.string(), series: z.array(EpicPointSchema.nullable()) })),
});
export type History = z.infer<typeof HistorySchema>;

export const historyContract = {
  'gadget/getHistory': {
    payload: z.object({ config: GadgetConfigSchema }).strict(),
    response: HistorySchema,
  },
} as const;
