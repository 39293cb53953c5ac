/** The steering gadget: its configuration (what the dashboard stores) and its answer. */
import { z } from 'zod';
import { ProgramIdSchema } from './programs';
import { ProjectKeySchema } from './common';
import { BandSchema, BoardEpicSchema, TeamHorizonSchema } from './board';
import { ProgramHeaderSchema } from './snapshot';
import { ForecastOutlookSchema, SlipAlertViewSchema } from './forecast';

export const GadgetConfigSchema = z
  .object({
    title: z.string().trim().max(80, 'must be at most 80 characters').optional(),
    projectKeys: z.array(ProjectKeySchema).max(100, 'at most 100 projects').optional(),
    /** Which of the steering sections to show (all when left out). */
    sections: z
      .array(z.enum(['now', 'going', 'stopping', 'cadence']))
      .max(4)
      .optional(),
    /** Reload the gadget every N minutes; 0 or left out = never. */
    refreshMinutes: z.number().int().min(0, 'must be 0 or more').max(1440, 'must be at most 1440').optional(),
    /** The program the gadget shows; gadgets configured before several programs show `default`. */
    programId: ProgramIdSchema.optional(),
  })
  .strict();
export type GadgetConfig = z.infer<typeof GadgetConfigSchema>;

export const GADGET_SECTIONS = ['now', 'going', 'stopping', 'cadence'] as const;
export type GadgetSection = (typeof GADGET_SECTIONS)[number];

export const SteeringSchema = ProgramHeaderSchema.extend({
  title: z.string(),
  sections: z.array(z.enum(GADGET_SECTIONS)),
  refreshMinutes: z.number().int(),
  horizons: z.array(TeamHorizonSchema),
  band: BandSchema,
  readiness: z.object({ readyItems: z.number().int(), backlogItems: z.number().int() }),
  topEpics: z.array(BoardEpicSchema),
  /** Where the top epics are going: their forecast, and the program's burn-up fan. */
  forecast: ForecastOutlookSchema,
  /** Open slip alerts (newest first) and the last few resolved ones, of issues you can see. */
  alerts: z.object({ open: z.array(SlipAlertViewSchema), resolved: z.array(SlipAlertViewSchema) }),
  matrix: z.object({
    teams: z.array(z.string()),
    cells: z.array(
      z.object({
        needs: z.string(),
        provides: z.string(),
        dependencies: z.number().int(),
        conflicts: z.number().int(),
      }),
    ),
  }),
  cycles: z.array(
    z.object({
      keys: z.array(z.string()),
      /** Closed path in dependency order (see shared/cycle-wording.ts); null = not visible to you. */
      path: z.array(z.string().nullable()),
      hidden: z.number().int(),
    }),
  ),
  impediments: z.object({
    perLevel: z.array(
      z.object({
        level: z.string(),
        open: z.number().int(),
        breached: z.number().int(),
        oldestDays: z.number().nullable(),
        slaDays: z.number().nullable(),
      }),
    ),
    breaches: z.array(
      z.object({
        key: z.string(),
        summary: z.string(),
        level: z.string(),
        daysAtLevel: z.number().nullable(),
        slaDays: z.number().nullable(),
      }),
    ),
  }),
  cadence: z.object({
    advice: z.string(),
    rule: z.string(),
    factors: z.array(
      z.object({
        name: z.string(),
        value: z.number().nullable(),
        level: z.number().int(),
        detail: z.string(),
      }),
    ),
  }),
});
export type Steering = z.infer<typeof SteeringSchema>;
