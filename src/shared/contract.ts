/**
 * The one contract between the Custom UI and the resolvers: every resolver key, its payload schema and
 * its response schema. The UI imports only the *types* from here (so zod stays out of the UI bundle);
 * the backend parses every payload with these schemas before any work is done.
 */
import { z } from 'zod';
import { ProgramConfigSchema } from '../domain/config/program-config';
import { impedimentContract } from './impediment-contract';

export const IssueKeySchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,19}-[1-9][0-9]{0,9}$/, 'must be an issue key such as PAY-12');
export const ProjectKeySchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,19}$/, 'must be a project key such as PAY (upper case letters, digits, _)');

const StatusCategorySchema = z.enum(['new', 'indeterminate', 'done']);

export const IssueRefSchema = z.object({
  key: z.string(),
  summary: z.string(),
  statusName: z.string(),
  statusCategory: StatusCategorySchema,
  projectKey: z.string(),
  issueType: z.string(),
});
export type IssueRef = z.infer<typeof IssueRefSchema>;

/** A Jira field id: a system id (`summary`) or `customfield_<n>`; validated before it reaches Jira. */
export const FieldIdSchema = z
  .string()
  .regex(/^(customfield_[0-9]{1,12}|[a-z][a-zA-Z]{1,40})$/, 'must be a field id such as customfield_10016');

/** Field ids an admin sets instead of the ones discovered by name; any may be left out. */
export const FieldOverridesSchema = z
  .object({
    storyPoints: FieldIdSchema,
    sprint: FieldIdSchema,
    rank: FieldIdSchema,
    acceptanceCriteria: FieldIdSchema,
    businessValue: FieldIdSchema,
    timeCriticality: FieldIdSchema,
    riskReduction: FieldIdSchema,
    jobSize: FieldIdSchema,
    team: FieldIdSchema,
    escalationLevel: FieldIdSchema,
  })
  .partial()
  .strict();
export type FieldOverrides = z.infer<typeof FieldOverridesSchema>;

/** Program settings kept by the admin page. Strict: stored config never carries unknown keys. */
export const ProgramSettingsSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
    projectKeys: z.array(ProjectKeySchema).max(100, 'at most 100 team projects per program'),
    fieldOverrides: FieldOverridesSchema.optional(),
  })
  .strict();
export type ProgramSettings = z.infer<typeof ProgramSettingsSchema>;

export const ProgramSourceSchema = z.enum(['configured', 'all-visible-projects']);

/** A part of the program the last snapshot could not read, and why (shown, never hidden). */
export const PartialReasonSchema = z.object({ scope: z.string(), reason: z.string() }).strict();
export type PartialReason = z.infer<typeof PartialReasonSchema>;

/**
 * The program snapshot the answer was computed from: resolvers answer from it, never from a live read
 * of the whole program. `missing` = no snapshot yet (a build was requested).
 */
export const SnapshotInfoSchema = z.object({
  state: z.enum(['ready', 'missing']),
  builtAt: z.string().nullable(),
  /** Seconds since the snapshot was last brought up to date (full build or incremental refresh). */
  ageSeconds: z.number().int().nullable(),
  /** When the last full rebuild finished (incremental refreshes cannot see every deletion). */
  fullBuiltAt: z.string().nullable(),
  partial: z.array(PartialReasonSchema),
});
export type SnapshotInfo = z.infer<typeof SnapshotInfoSchema>;

export const SnapshotJobPhaseSchema = z.enum([
  'queued',
  'discovering',
  'census',
  'fetching',
  'storing',
  'done',
  'failed',
]);

/** The latest snapshot job, with its progress: the UI polls it while a refresh runs. */
export const SnapshotJobSchema = z
  .object({
    kind: z.enum(['full', 'incremental']),
    reason: z.string(),
    phase: SnapshotJobPhaseSchema,
    requestedAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    issuesFetched: z.number().int(),
    partitionsDone: z.number().int(),
    partitionsTotal: z.number().int(),
    jiraRequests: z.number().int(),
    message: z.string().nullable(),
  })
  .strict();
export type SnapshotJob = z.infer<typeof SnapshotJobSchema>;

export const SnapshotStatusSchema = z.object({
  snapshot: SnapshotInfoSchema,
  job: SnapshotJobSchema.nullable(),
});
export type SnapshotStatus = z.infer<typeof SnapshotStatusSchema>;

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
  })
  .strict();
export type GadgetConfig = z.infer<typeof GadgetConfigSchema>;

/** What the last background sync (as the app) saw of the program. */
export const ProgramSyncSchema = z
  .object({
    at: z.string(),
    reason: z.enum([
      'scheduled',
      'installed',
      'upgraded',
      'requested',
      'event',
      'refresh',
      'settings',
      'order',
    ]),
    kind: z.enum(['full', 'incremental']).optional(),
    projectCount: z.number().int(),
    issueCount: z.number().int(),
    epicCount: z.number().int(),
  })
  .strict();
export type ProgramSync = z.infer<typeof ProgramSyncSchema>;

/** The admin page's installation facts (the program itself is the program config). */
export const AdminSettingsSchema = z.object({
  lifecycle: z.object({ installedAt: z.string().nullable(), lastUpgradeAt: z.string().nullable() }),
  lastSync: ProgramSyncSchema.nullable(),
});
export type AdminSettings = z.infer<typeof AdminSettingsSchema>;

/** Whether the engine's results match the snapshot, the config and the MetaScrum order. */
export const AnalysisInfoSchema = z.object({
  state: z.enum(['ready', 'stale', 'missing']),
  computedAt: z.string().nullable(),
});
export type AnalysisInfo = z.infer<typeof AnalysisInfoSchema>;

const DependencyStatusSchema = z.enum(['conflict', 'at-risk', 'healthy', 'unplanned']);
export type DependencyStatus = z.infer<typeof DependencyStatusSchema>;

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
const BandSchema = z.object({ minSprints: z.number(), maxSprints: z.number() });

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

const ActorSchema = z.object({ accountId: z.string(), displayName: z.string() });
export const OrderInfoSchema = z.object({
  source: z.enum(['explicit', 'jira-rank']),
  changedAt: z.string().nullable(),
  changedBy: ActorSchema.nullable(),
  change: z.string().nullable(),
  /** Whether this user may change the order (they must see every team of the program). */
  canReorder: z.boolean(),
  reorderNote: z.string().nullable(),
});
export type OrderInfo = z.infer<typeof OrderInfoSchema>;

const ProgramHeaderSchema = z.object({
  programName: z.string(),
  programSource: ProgramSourceSchema,
  hiddenProjectCount: z.number().int(),
  snapshot: SnapshotInfoSchema,
  analysis: AnalysisInfoSchema,
});

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
  suggestion: z.object({
    moves: z.array(
      z.object({ key: z.string(), from: z.number().int(), to: z.number().int(), reason: z.string() }),
    ),
    inversions: z.array(z.object({ higher: z.string(), lower: z.string() })),
    /** How many there are in all: the lists above stop at the first 100 (by suggested rank). */
    moveCount: z.number().int(),
    inversionCount: z.number().int(),
  }),
});
export type Board = z.infer<typeof BoardSchema>;

export const MoveEpicSchema = z
  .object({
    key: IssueKeySchema,
    to: z.enum(['up', 'down', 'top', 'bottom', 'before', 'after']),
    /** With `to: "before"` or `"after"`: the epic to place it next to (drag and drop). */
    anchor: IssueKeySchema.optional(),
  })
  .strict()
  .refine((m) => (m.to !== 'before' && m.to !== 'after') || m.anchor !== undefined, {
    message: 'is required when to is "before" or "after"',
    path: ['anchor'],
  });

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
  analysis: AnalysisInfoSchema,
});
export type Agenda = z.infer<typeof AgendaSchema>;

export const CsvExportSchema = z.object({ filename: z.string(), csv: z.string(), rows: z.number().int() });

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
  /** Open conflicts and blockers on its direct dependencies: the collapsed panel's badge. */
  badge: z.object({ conflicts: z.number().int(), blockers: z.number().int() }),
  hiddenIssueCount: z.number().int(),
  snapshot: SnapshotInfoSchema,
  analysis: AnalysisInfoSchema,
});
export type IssueContext = z.infer<typeof IssueContextSchema>;

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
  cycles: z.array(z.object({ keys: z.array(z.string()), hidden: z.number().int() })),
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

export const ConfigVersionSchema = z.object({
  version: z.number().int(),
  savedAt: z.string().nullable(),
  savedBy: ActorSchema.nullable(),
  note: z.string(),
});
export type ConfigVersion = z.infer<typeof ConfigVersionSchema>;

export const AdminConfigSchema = z.object({
  /** The full program config (src/domain/config/program-config.ts), every default filled in. */
  config: ProgramConfigSchema,
  version: ConfigVersionSchema.nullable(),
  history: z.array(ConfigVersionSchema),
  availableProjects: z.array(z.object({ key: z.string(), name: z.string() })),
  linkTypes: z.array(z.string()),
});
export type AdminConfig = z.infer<typeof AdminConfigSchema>;

const Empty = z.object({}).strict();

/** Every resolver key with its payload and response schema. */
export const contract = {
  'admin/getSettings': { payload: Empty, response: AdminSettingsSchema },
  /** Jira administrators only: re-read the whole program (also reconciles deletions events missed). */
  'admin/rebuildSnapshot': { payload: Empty, response: SnapshotStatusSchema },
  'panel/getBoard': { payload: BoardQuerySchema, response: BoardSchema },
  /** Needs every team of the program in view; persisted as the MetaScrum order with who and when. */
  'panel/moveEpic': { payload: MoveEpicSchema, response: OrderInfoSchema },
  'panel/acceptSuggestedOrder': { payload: Empty, response: OrderInfoSchema },
  'panel/previewRankFlow': { payload: Empty, response: RankFlowSchema },
  /** Applies the previewed rank moves as the user (Jira's own permissions apply); reports partial results. */
  'panel/applyRankFlow': {
    payload: z
      .object({ teams: z.array(z.string().min(1).max(255)).min(1, 'choose at least one team') })
      .strict(),
    response: RankFlowResultSchema,
  },
  'panel/getDependencyMap': {
    payload: z.object({ team: z.string().max(255).optional() }).strict(),
    response: DependencyMapSchema,
  },
  'panel/getAgenda': {
    payload: z.object({ limit: z.number().int().min(1).max(100, 'must be at most 100').optional() }).strict(),
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
  'admin/saveConfig': {
    payload: z.object({ config: z.record(z.string(), z.unknown()) }).strict(),
    response: AdminConfigSchema,
  },
  'admin/restoreConfigVersion': {
    payload: z.object({ version: z.number().int().min(1, 'must be a saved version') }).strict(),
    response: AdminConfigSchema,
  },
  /** Anyone: the snapshot's age and the latest job's progress. */
  'snapshot/getStatus': { payload: Empty, response: SnapshotStatusSchema },
  /** Anyone: ask for an incremental refresh (what changed since the last sync); rate-limited. */
  'snapshot/requestRefresh': { payload: Empty, response: SnapshotStatusSchema },
  ...impedimentContract,
} as const;

export type ResolverKey = keyof typeof contract;
export type PayloadOf<K extends ResolverKey> = z.input<(typeof contract)[K]['payload']>;
export type ResponseOf<K extends ResolverKey> = z.infer<(typeof contract)[K]['response']>;

export const ErrorCodeSchema = z.enum([
  'BAD_PAYLOAD',
  'FORBIDDEN',
  'NOT_FOUND',
  'JIRA_RATE_LIMITED',
  'JIRA_UNAVAILABLE',
  'JIRA_BAD_REPLY',
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
}

/** Every resolver answers with this envelope: the UI never has to guess at thrown errors. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ResolverError };
