/**
 * The analysis views the consumer stores after each snapshot build or refresh (and after a change of
 * the program config or the MetaScrum order): compact per-view records, so that a resolver reads a few
 * small chunks instead of re-reading and re-analysing the whole snapshot. Strict: our own records.
 */
import { z } from 'zod';

const Status = z.enum(['conflict', 'at-risk', 'healthy', 'unplanned']);
const Category = z.enum(['new', 'indeterminate', 'done']);

/** One open epic of the program, with every column the panel shows, sorts and filters on. */
export const EpicRecordSchema = z.strictObject({
  key: z.string(),
  summary: z.string(),
  team: z.string(),
  project: z.string(),
  statusName: z.string(),
  statusCategory: Category,
  /** 1-based position in the MetaScrum order the analysis ran with. */
  position: z.number().int(),
  suggested: z.number().int(),
  moveReason: z.string().nullable(),
  wsjf: z.number().nullable(),
  wsjfProblem: z.string().nullable(),
  readyShare: z.number().nullable(),
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
  unblocksTeams: z.number().int(),
  unblocksItems: z.number().int(),
});
export type EpicRecord = z.infer<typeof EpicRecordSchema>;

/** An open backlog item or epic: readiness (failing rules only; passes come from the checklist). */
export const ItemRecordSchema = z.strictObject({
  key: z.string(),
  id: z.string(),
  kind: z.enum(['epic', 'backlog']),
  team: z.string().nullable(),
  epic: z.string().nullable(),
  ready: z.boolean(),
  score: z.number(),
  failing: z.array(z.strictObject({ id: z.string(), reason: z.string() })),
});
export type ItemRecord = z.infer<typeof ItemRecordSchema>;

/** An item that takes part in an open dependency. */
export const GraphNodeSchema = z.strictObject({
  key: z.string(),
  id: z.string(),
  summary: z.string(),
  team: z.string().nullable(),
  epic: z.string().nullable(),
  statusName: z.string(),
  statusCategory: Category,
  inCycle: z.boolean(),
  critical: z.boolean(),
});
export type GraphNode = z.infer<typeof GraphNodeSchema>;

/** An open dependency: `to` needs `from`. */
export const GraphEdgeSchema = z.strictObject({
  from: z.string(),
  to: z.string(),
  status: Status,
  crossTeam: z.boolean(),
  fromSprint: z.string().nullable(),
  toSprint: z.string().nullable(),
});
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;

/** An epic's child in an open cross-team or conflicting dependency (services/analysis/epic-links.ts). */
export const EpicLinkRecordSchema = z.strictObject({
  epic: z.string(),
  /** needs: the child needs `other`; neededBy: `other` needs the child. */
  direction: z.enum(['needs', 'neededBy']),
  child: z.string(),
  childId: z.string(),
  other: z.string(),
  otherId: z.string(),
  status: Status,
  crossTeam: z.boolean(),
});
export type EpicLinkRecord = z.infer<typeof EpicLinkRecordSchema>;

export const EpicEdgeSchema = z.strictObject({
  from: z.string(),
  to: z.string(),
  via: z.number().int(),
  status: Status,
});
export type EpicEdge = z.infer<typeof EpicEdgeSchema>;

export const RankOperationRecordSchema = z.strictObject({
  team: z.string(),
  issues: z.array(z.string()),
  rankBeforeIssue: z.string().optional(),
  rankAfterIssue: z.string().optional(),
});
export type RankOperationRecord = z.infer<typeof RankOperationRecordSchema>;

export const AgendaRecordSchema = z.strictObject({
  key: z.string(),
  summary: z.string(),
  team: z.string().nullable(),
  epic: z.string().nullable(),
  epicPosition: z.number().int().nullable(),
  points: z.number().nullable(),
  failing: z.array(z.strictObject({ id: z.string(), reason: z.string(), required: z.boolean() })),
});
export type AgendaRecord = z.infer<typeof AgendaRecordSchema>;

export const ImpedimentRecordSchema = z.strictObject({
  key: z.string(),
  /** Records stored before flags counted are all of the Impediment type. */
  source: z.enum(['issue-type', 'flag']).default('issue-type'),
  summary: z.string(),
  team: z.string().nullable(),
  level: z.string(),
  owner: z.string().nullable(),
  /** When it entered its level (epoch ms): a view ages it to its own time. Absent in older analyses. */
  enteredLevelMs: z.number().nullable().default(null),
  daysAtLevel: z.number().nullable(),
  slaDays: z.number().nullable(),
  breached: z.boolean(),
});
export type ImpedimentRecord = z.infer<typeof ImpedimentRecordSchema>;

/** An open impediment and an open item it blocks, with both Jira ids for permission checks as the user. */
export const ImpedimentBlockRecordSchema = z.strictObject({
  impediment: z.string(),
  impedimentId: z.string(),
  blocks: z.string(),
  blocksId: z.string(),
});
export type ImpedimentBlockRecord = z.infer<typeof ImpedimentBlockRecordSchema>;

export const CycleRecordSchema = z.strictObject({
  keys: z.array(z.string()),
  /** Dependency order, closed (last = first); absent in analyses stored before it was recorded. */
  path: z.array(z.string()).default([]),
  teams: z.array(z.string()),
});
export type CycleRecord = z.infer<typeof CycleRecordSchema>;
export const InversionRecordSchema = z.strictObject({
  higher: z.string(),
  lower: z.string(),
  // Analyses stored before the cycle flag count as not in a cycle until the next analysis.
  inCycle: z.boolean().default(false),
});

export const TeamHorizonRecordSchema = z.strictObject({
  team: z.string(),
  velocity: z.number().nullable(),
  readyPoints: z.number(),
  backlogItems: z.number().int(),
  readyItems: z.number().int(),
  horizonSprints: z.number().nullable(),
  status: z.enum(['red', 'green', 'amber', 'unknown']),
  reason: z.string(),
});

/** Program-wide results: one record, chunked when large (see AnalysisWriter.finish). */
export const ProgramRecordSchema = z.strictObject({
  name: z.string(),
  teams: z.array(TeamHorizonRecordSchema),
  band: z.strictObject({ minSprints: z.number(), maxSprints: z.number() }),
  matrix: z.array(
    z.strictObject({
      needs: z.string(),
      provides: z.string(),
      dependencies: z.number().int(),
      conflicts: z.number().int(),
    }),
  ),
  /** What the cadence advice counts, per project, for narrower views; null in older analyses. */
  cadenceEvidence: z
    .strictObject({
      atMs: z.number(),
      thresholds: z.strictObject({
        openLoad: z.tuple([z.number(), z.number()]),
        arrivalsPerWeek: z.tuple([z.number(), z.number()]),
        resolutionSlowdown: z.tuple([z.number(), z.number()]),
      }),
      impediments: z.array(
        z.strictObject({
          project: z.string(),
          done: z.boolean(),
          createdMs: z.number().nullable(),
          resolvedMs: z.number().nullable(),
          escalatedMs: z.array(z.number()),
        }),
      ),
      flagged: z.record(z.string(), z.number().int()),
      crossTeam: z.array(z.strictObject({ from: z.string(), to: z.string(), count: z.number().int() })),
    })
    .nullable()
    .default(null),
  cadence: z.strictObject({
    advice: z.string(),
    score: z.number(),
    rule: z.string(),
    factors: z.array(
      z.strictObject({
        name: z.string(),
        value: z.number().nullable(),
        level: z.number().int(),
        detail: z.string(),
      }),
    ),
  }),
  impediments: z.strictObject({
    perLevel: z.array(
      z.strictObject({ level: z.string(), open: z.number().int(), breached: z.number().int() }),
    ),
    slaBreaches: z.number().int(),
    resolved: z.number().int(),
    medianDaysToResolve: z.number().nullable(),
  }),
  /** The readiness rules in force: what a passing rule says, and its weight. */
  checklist: z.array(
    z.strictObject({ id: z.string(), passReason: z.string(), required: z.boolean(), weight: z.number() }),
  ),
  criticalPath: z.strictObject({ keys: z.array(z.string()), length: z.number() }),
});
export type ProgramRecord = z.infer<typeof ProgramRecordSchema>;

/** Which partition a chunk belongs to, and for items the range of key numbers it holds. */
export const AnalysisPartRefSchema = z.strictObject({
  key: z.string(),
  partition: z.string(),
  count: z.number().int(),
  first: z.number().int().optional(),
  last: z.number().int().optional(),
  /** A hash of the stored content: a later analysis with an equal part names this key again. */
  hash: z.string().optional(),
});
export type AnalysisPartRef = z.infer<typeof AnalysisPartRefSchema>;

/** The analysis pointer's value. Writing it is the atomic switch, as for the snapshot. */
export const AnalysisManifestSchema = z.strictObject({
  schemaVersion: z.literal(1),
  version: z.string(),
  computedAt: z.string(),
  snapshotVersion: z.string(),
  /** The config and MetaScrum order versions the analysis ran with (0 = none stored). */
  configVersion: z.number().int(),
  orderVersion: z.number().int(),
  programKey: z.string(),
  parts: z.array(AnalysisPartRefSchema),
});
export type AnalysisManifest = z.infer<typeof AnalysisManifestSchema>;

export const AnalysisChunkSchema = z.strictObject({ records: z.array(z.unknown()) });
