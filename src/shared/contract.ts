/**
 * The one contract between the Custom UI and the resolvers: every resolver key, its payload schema and
 * its response schema. The UI imports only the *types* from here (so zod stays out of the UI bundle);
 * the backend parses every payload with these schemas before any work is done.
 */
import { z } from 'zod';
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

export const WhoAmISchema = z.object({
  accountId: z.string(),
  displayName: z.string(),
  isAdmin: z.boolean(),
});
export type WhoAmI = z.infer<typeof WhoAmISchema>;

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

const TeamSummarySchema = z.object({
  projectKey: z.string(),
  projectName: z.string(),
  epics: z.number().int(),
  openItems: z.number().int(),
  doneItems: z.number().int(),
});
export type TeamSummary = z.infer<typeof TeamSummarySchema>;

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

export const EpicRowSchema = IssueRefSchema.extend({
  programRank: z.number().int().min(1),
  childCount: z.number().int(),
  openChildCount: z.number().int(),
});
export type EpicRow = z.infer<typeof EpicRowSchema>;

export const EpicPageSchema = z.object({
  programName: z.string(),
  programSource: ProgramSourceSchema,
  teams: z.array(TeamSummarySchema),
  epics: z.array(EpicRowSchema),
  /** Projects of the program the current user may not browse: their epics are left out. */
  hiddenProjectCount: z.number().int(),
  snapshot: SnapshotInfoSchema.optional(),
});
export type EpicPage = z.infer<typeof EpicPageSchema>;

export const DependencyDirectionSchema = z.enum(['needs', 'needed-by']);
export const DependencySchema = z.object({
  direction: DependencyDirectionSchema,
  linkType: z.string(),
  /** The link's phrase as Jira shows it from this issue's side, e.g. "is blocked by". */
  phrase: z.string(),
  issue: IssueRefSchema,
  crossTeam: z.boolean(),
});
export type Dependency = z.infer<typeof DependencySchema>;

export const IssueDependenciesSchema = z.object({
  issue: IssueRefSchema,
  dependencies: z.array(DependencySchema),
  /** Links of other types (relates, duplicates...) that are not dependencies. */
  otherLinkCount: z.number().int(),
  /** Linked issues in projects the current user may not browse: counted, never shown. */
  hiddenIssueCount: z.number().int().optional(),
  snapshot: SnapshotInfoSchema.optional(),
});
export type IssueDependencies = z.infer<typeof IssueDependenciesSchema>;

export const GadgetConfigSchema = z
  .object({
    title: z.string().trim().max(80, 'must be at most 80 characters').optional(),
    projectKeys: z.array(ProjectKeySchema).max(100, 'at most 100 projects').optional(),
  })
  .strict();
export type GadgetConfig = z.infer<typeof GadgetConfigSchema>;

export const GadgetOverviewSchema = z.object({
  title: z.string(),
  programName: z.string(),
  teams: z.array(TeamSummarySchema),
  totals: z.object({ epics: z.number().int(), openItems: z.number().int(), doneItems: z.number().int() }),
  openBlockers: z.array(
    z.object({ blocker: IssueRefSchema, blocked: IssueRefSchema, crossTeam: z.boolean() }),
  ),
  hiddenProjectCount: z.number().int(),
  snapshot: SnapshotInfoSchema.optional(),
});
export type GadgetOverview = z.infer<typeof GadgetOverviewSchema>;

/** What the last background sync (as the app) saw of the program. */
export const ProgramSyncSchema = z
  .object({
    at: z.string(),
    reason: z.enum(['scheduled', 'installed', 'upgraded', 'requested', 'event', 'refresh', 'settings']),
    kind: z.enum(['full', 'incremental']).optional(),
    projectCount: z.number().int(),
    issueCount: z.number().int(),
    epicCount: z.number().int(),
  })
  .strict();
export type ProgramSync = z.infer<typeof ProgramSyncSchema>;

export const ProjectOptionSchema = z.object({ key: z.string(), name: z.string() });
export const AdminSettingsSchema = z.object({
  settings: ProgramSettingsSchema.nullable(),
  availableProjects: z.array(ProjectOptionSchema),
  lifecycle: z.object({ installedAt: z.string().nullable(), lastUpgradeAt: z.string().nullable() }),
  lastSync: ProgramSyncSchema.nullable(),
});
export type AdminSettings = z.infer<typeof AdminSettingsSchema>;

const Empty = z.object({}).strict();

/** Every resolver key with its payload and response schema. */
export const contract = {
  'context/whoami': { payload: Empty, response: WhoAmISchema },
  'panel/listEpics': { payload: Empty, response: EpicPageSchema },
  'issue/getDependencies': {
    payload: z.object({ issueKey: IssueKeySchema }).strict(),
    response: IssueDependenciesSchema,
  },
  'gadget/getOverview': {
    payload: z.object({ config: GadgetConfigSchema }).strict(),
    response: GadgetOverviewSchema,
  },
  'admin/getSettings': { payload: Empty, response: AdminSettingsSchema },
  'admin/saveSettings': {
    payload: z.object({ settings: ProgramSettingsSchema }).strict(),
    response: AdminSettingsSchema,
  },
  /** Jira administrators only: re-read the whole program (also reconciles deletions events missed). */
  'admin/rebuildSnapshot': { payload: Empty, response: SnapshotStatusSchema },
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
}

/** Every resolver answers with this envelope: the UI never has to guess at thrown errors. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ResolverError };
