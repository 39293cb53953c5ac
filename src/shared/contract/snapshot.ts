/**
 * What an answer was computed from and how fresh it is: the program snapshot, the latest snapshot job,
 * the last background sync, the analysis state, and the header every program-wide view starts with.
 */
import { z } from 'zod';

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

/** Whether the engine's results match the snapshot, the config and the MetaScrum order. */
export const AnalysisInfoSchema = z.object({
  state: z.enum(['ready', 'stale', 'missing']),
  computedAt: z.string().nullable(),
});
export type AnalysisInfo = z.infer<typeof AnalysisInfoSchema>;

export const ProgramHeaderSchema = z.object({
  programName: z.string(),
  programSource: ProgramSourceSchema,
  hiddenProjectCount: z.number().int(),
  /** Issues of browsable projects that Jira's issue security hides from this user: counted, never named. */
  hiddenIssueCount: z.number().int(),
  snapshot: SnapshotInfoSchema,
  analysis: AnalysisInfoSchema,
});
