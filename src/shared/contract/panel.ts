/**
 * The MetaScrum panel's other tabs: rank flow-down to the teams' boards (preview and result), the epic
 * dependency map, the refinement agenda, and the CSV export.
 */
import { z } from 'zod';
import { DependencyStatusSchema } from './common';
import { AnalysisInfoSchema } from './snapshot';

export const RankOperationSchema = z.object({
  issues: z.array(z.string()),
  rankBeforeIssue: z.string().optional(),
  rankAfterIssue: z.string().optional(),
});
export const RankFlowSchema = z.object({
  teams: z.array(
    z.object({ team: z.string(), moves: z.number().int(), operations: z.array(RankOperationSchema) }),
  ),
  analysis: AnalysisInfoSchema,
});
export type RankFlow = z.infer<typeof RankFlowSchema>;
export const RankFlowResultSchema = z.object({
  teams: z.array(
    z.object({
      team: z.string(),
      operations: z.number().int(),
      ranked: z.array(z.string()),
      failed: z.array(z.object({ issue: z.string(), message: z.string() })),
    }),
  ),
});
export type RankFlowResult = z.infer<typeof RankFlowResultSchema>;

export const DependencyMapSchema = z.object({
  nodes: z.array(
    z.object({
      key: z.string(),
      summary: z.string(),
      team: z.string(),
      rank: z.number().int(),
      inCycle: z.boolean(),
      critical: z.boolean(),
    }),
  ),
  edges: z.array(
    z.object({ from: z.string(), to: z.string(), via: z.number().int(), status: DependencyStatusSchema }),
  ),
  /** Epics without dependencies, left out of the picture. */
  unlinkedEpics: z.number().int(),
  analysis: AnalysisInfoSchema,
});
export type DependencyMap = z.infer<typeof DependencyMapSchema>;

const FailingRuleSchema = z.object({ id: z.string(), reason: z.string(), required: z.boolean() });
export const AgendaSchema = z.object({
  items: z.array(
    z.object({
      key: z.string(),
      summary: z.string(),
      team: z.string().nullable(),
      epic: z.string().nullable(),
      epicRank: z.number().int().nullable(),
      points: z.number().nullable(),
      failing: z.array(FailingRuleSchema),
    }),
  ),
  /** Not-ready items the user may see beyond `limit` (the agenda keeps the top 300 of the program). */
  more: z.number().int(),
  analysis: AnalysisInfoSchema,
});
export type Agenda = z.infer<typeof AgendaSchema>;

export const CsvExportSchema = z.object({ filename: z.string(), csv: z.string(), rows: z.number().int() });
