/**
 * The impediment part of the contract (issue 6): escalation ladder actions, history, backlogs, metrics
 * and provisioning. Kept apart from contract.ts so the two can grow independently; contract.ts merges it
 * in. Payloads are strict (an unknown key is refused and named); the UI imports only the types.
 */
import { z } from 'zod';

const ImpedimentKeySchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,19}-[1-9][0-9]{0,9}$/, 'must be an issue key such as PAY-93');

export const MoveReasonSchema = z
  .string()
  .trim()
  .min(3, 'must say why, in at least 3 characters')
  .max(1000, 'must be at most 1000 characters');

/** Chosen by the UI once per click: a repeated call (double click, retry) is the same move. */
export const RequestIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9-]{8,64}$/, 'must be 8-64 letters, digits or dashes (one per user action)');

export const MovePayloadSchema = z
  .object({
    issueKey: ImpedimentKeySchema,
    reason: MoveReasonSchema,
    requestId: RequestIdSchema,
    /** The history version the user saw: a move on a version that changed meanwhile is refused. */
    expectedVersion: z.number().int().min(0, 'must be 0 or more'),
  })
  .strict();
export type MovePayload = z.infer<typeof MovePayloadSchema>;

export const SlaStatusSchema = z.enum(['ok', 'at-risk', 'breached', 'none']);
export type SlaStatusName = z.infer<typeof SlaStatusSchema>;

export const OwnerSchema = z.object({
  kind: z.enum(['user', 'group']),
  id: z.string(),
  displayName: z.string(),
});
export type Owner = z.infer<typeof OwnerSchema>;

export const LadderRungSchema = z.object({
  name: z.string(),
  owner: OwnerSchema.nullable(),
  slaDays: z.number().nullable(),
});

export const HistoryMoveSchema = z.object({
  id: z.string(),
  action: z.enum(['raise', 'escalate', 'de-escalate', 'resolve']),
  from: z.string().nullable(),
  to: z.string(),
  at: z.string(),
  by: z.string().nullable(),
  byName: z.string().nullable(),
  reason: z.string(),
  auto: z.boolean(),
});
export type HistoryMove = z.infer<typeof HistoryMoveSchema>;

export const ImpedimentDetailSchema = z.object({
  issueKey: z.string(),
  summary: z.string(),
  level: z.string(),
  ladder: z.array(LadderRungSchema),
  owner: OwnerSchema.nullable(),
  resolved: z.boolean(),
  ageDays: z.number().nullable(),
  daysAtLevel: z.number().nullable(),
  slaDays: z.number().nullable(),
  slaStatus: SlaStatusSchema,
  /** The history's version: send it back as `expectedVersion`. */
  version: z.number().int(),
  history: z.array(HistoryMoveSchema),
  canEdit: z.boolean(),
  actions: z.object({ escalate: z.boolean(), deEscalate: z.boolean(), resolve: z.boolean() }),
  /** Set when the select field disagrees with the history (someone edited the field by hand). */
  fieldLevel: z.string().nullable(),
});
export type ImpedimentDetail = z.infer<typeof ImpedimentDetailSchema>;

export const MoveResultSchema = z.object({
  /** applied: this call moved it; already-applied: a repeat of a move that was made; conflict: refused. */
  outcome: z.enum(['applied', 'already-applied', 'conflict']),
  message: z.string(),
  /** Effects of the recorded move that failed after their retries; sending the same request again retries them. */
  unfinished: z.array(z.string()).default([]),
  impediment: ImpedimentDetailSchema,
});
export type MoveResult = z.infer<typeof MoveResultSchema>;

export const BacklogItemSchema = z.object({
  key: z.string(),
  summary: z.string(),
  projectKey: z.string(),
  level: z.string(),
  ageDays: z.number().nullable(),
  daysAtLevel: z.number().nullable(),
  slaDays: z.number().nullable(),
  slaStatus: SlaStatusSchema,
  /** Issues this impediment blocks, of projects the user may browse. */
  blocks: z.array(z.string()),
});
export type BacklogItem = z.infer<typeof BacklogItemSchema>;

export const LevelBacklogSchema = z.object({
  level: z.string(),
  owner: OwnerSchema.nullable(),
  slaDays: z.number().nullable(),
  items: z.array(BacklogItemSchema),
});

export type LevelBacklog = z.infer<typeof LevelBacklogSchema>;

export const ImpedimentBacklogsSchema = z.object({
  levels: z.array(LevelBacklogSchema),
  /** The EAT's own backlog: all open at the top level plus anything breached below, whatever `levels` says. */
  executive: z.object({
    level: z.string().nullable(),
    owner: OwnerSchema.nullable(),
    items: z.array(BacklogItemSchema),
  }),
  /** Program projects the user cannot browse: their impediments are left out. */
  hiddenProjectCount: z.number().int(),
});
export type ImpedimentBacklogs = z.infer<typeof ImpedimentBacklogsSchema>;

export const ImpedimentMetricsSchema = z.object({
  open: z.number().int(),
  perLevel: z.array(
    z.object({
      level: z.string(),
      open: z.number().int(),
      breached: z.number().int(),
      atRisk: z.number().int(),
    }),
  ),
  slaBreaches: z.number().int(),
  resolvedLast30Days: z.number().int(),
  medianDaysToResolve: z.number().nullable(),
  trend: z.array(
    z.object({
      weekStart: z.string(),
      opened: z.number().int(),
      resolved: z.number().int(),
      escalated: z.number().int(),
    }),
  ),
  hiddenProjectCount: z.number().int(),
});
export type ImpedimentMetrics = z.infer<typeof ImpedimentMetricsSchema>;

export const ProvisioningProblemSchema = z
  .object({ scope: z.string(), reason: z.string(), manualSteps: z.array(z.string()) })
  .strict();
export type ProvisioningProblem = z.infer<typeof ProvisioningProblemSchema>;

export const ProvisioningStatusSchema = z
  .object({
    state: z.enum(['not-run', 'running', 'waiting-for-permission', 'done', 'partial', 'failed']),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    attempts: z.number().int(),
    issueType: z.object({ id: z.string(), name: z.string(), created: z.boolean() }).strict().nullable(),
    field: z.object({ id: z.string(), name: z.string(), created: z.boolean() }).strict().nullable(),
    /** What this run changed in Jira, in words ("created issue type Impediment", ...). */
    changes: z.array(z.string()),
    problems: z.array(ProvisioningProblemSchema),
  })
  .strict();
export type ProvisioningStatus = z.infer<typeof ProvisioningStatusSchema>;

const Empty = z.object({}).strict();
const IssuePayload = z.object({ issueKey: ImpedimentKeySchema }).strict();

export const impedimentContract = {
  /** Anyone who can browse the issue: the impediment's level, owner, SLA, history and allowed actions. */
  'impediment/get': {
    payload: IssuePayload,
    response: z.object({ impediment: ImpedimentDetailSchema.nullable() }),
  },
  /** Users who can edit the issue: one level up. */
  'impediment/escalate': { payload: MovePayloadSchema, response: MoveResultSchema },
  /** Users who can edit the issue: one level down. */
  'impediment/deEscalate': { payload: MovePayloadSchema, response: MoveResultSchema },
  /** Users who can edit the issue: resolved at its level (the issue moves to a done status). */
  'impediment/resolve': { payload: MovePayloadSchema, response: MoveResultSchema },
  /** Open impediments per level (the Scrum of Scrums' and EAT's backlogs), as the user may see them. */
  'impediment/listBacklogs': {
    payload: z.object({ levels: z.array(z.string().min(1).max(100)).max(20).optional() }).strict(),
    response: ImpedimentBacklogsSchema,
  },
  'impediment/getMetrics': { payload: Empty, response: ImpedimentMetricsSchema },
  /** Jira administrators: what provisioning did, and what needs a manual step. */
  'impediment/getProvisioning': { payload: Empty, response: ProvisioningStatusSchema },
  /** Jira administrators: run provisioning again now. */
  'impediment/retryProvisioning': { payload: Empty, response: ProvisioningStatusSchema },
} as const;
