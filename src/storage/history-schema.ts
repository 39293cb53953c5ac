/**
 * The stored shape of a daily summary (src/domain/history/daily-summary.ts) and of the index of kept
 * days. Strict: our own records. `source` says where a day came from: `analysis` on a real site;
 * `demo-replay` only for the local preview's seeded past (the demo program analysed at earlier dates).
 */
import { z } from 'zod';

const Count = z.number().int().min(0);

export const TeamSummarySchema = z.strictObject({
  team: z.string(),
  horizonSprints: z.number().nullable(),
  readyShare: z.number().min(0).max(1).nullable(),
  velocity: z.number().nullable(),
  conflictsSuffered: Count,
  conflictsCaused: Count,
  impediments: z.array(Count),
});

export const DailySummarySchema = z.strictObject({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  computedAt: z.string(),
  source: z.enum(['analysis', 'demo-replay']),
  levels: z.array(z.string()),
  teams: z.array(TeamSummarySchema),
  /** Teams left out to stay under the value limit (a program of very many long-named teams). */
  omittedTeams: Count.default(0),
  program: z.strictObject({
    cycles: Count,
    criticalPathLength: z.number().min(0),
    impediments: z.array(Count),
    topEpics: z.array(
      z.strictObject({
        key: z.string(),
        position: z.number().int(),
        p85Sprint: z.number().int().nullable(),
        p85Date: z.string().nullable(),
      }),
    ),
  }),
});
export type StoredDailySummary = z.infer<typeof DailySummarySchema>;

export const HistoryIndexSchema = z.strictObject({
  /** Kept days, oldest first. */
  days: z.array(z.string()),
});
export type HistoryIndex = z.infer<typeof HistoryIndexSchema>;
