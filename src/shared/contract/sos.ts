/**
 * The Scrum of Scrums part of the contract (issue 14): the board with one row per team (and one per
 * program for the Scrum of Scrums of Scrums), the "meeting held" mark, and raising an impediment from
 * the blocked work. Payloads are strict; the UI imports only the types.
 */
import { z } from 'zod';
import { ActorSchema, DependencyStatusSchema, IssueKeySchema, StatusCategorySchema } from './common';

/** Whether the user may escalate it (checked as the user in Jira), and if not, why. */
export const EscalateRightSchema = z.object({ allowed: z.boolean(), reason: z.string().nullable() });
export type EscalateRight = z.infer<typeof EscalateRightSchema>;

export const SosItemSchema = z.object({
  key: z.string(),
  summary: z.string(),
  /** flag: Jira's Flagged field says "Impediment"; blocked: an open Impediment issue blocks it. */
  reason: z.enum(['flag', 'blocked']),
  /** The open impediments blocking it (visible ones only). */
  blockedBy: z.array(z.string()),
  /** A flagged item is escalated from its row; null for a blocked one (escalate its impediment). */
  escalate: EscalateRightSchema.nullable(),
});
export type SosItem = z.infer<typeof SosItemSchema>;

export const SosImpedimentSchema = z.object({
  key: z.string(),
  summary: z.string(),
  source: z.enum(['issue-type', 'flag']),
  level: z.string(),
  daysAtLevel: z.number().nullable(),
  slaDays: z.number().nullable(),
  breached: z.boolean(),
  escalate: EscalateRightSchema,
});
export type SosImpediment = z.infer<typeof SosImpedimentSchema>;

/** An open cross-team dependency: `dependant` needs `prerequisite`. */
export const SosWaitSchema = z.object({
  prerequisite: z.string(),
  prerequisiteTeam: z.string().nullable(),
  prerequisiteStatus: z.string(),
  prerequisiteCategory: StatusCategorySchema,
  dependant: z.string(),
  dependantTeam: z.string().nullable(),
  status: DependencyStatusSchema,
});
export type SosWait = z.infer<typeof SosWaitSchema>;

export const SosNewSchema = z.object({
  key: z.string(),
  /** What is new about it, in words ("raised at Team", "conflict with CHK-41", ...). */
  what: z.string(),
});
export type SosNew = z.infer<typeof SosNewSchema>;

export const SosTeamRowSchema = z.object({
  team: z.string(),
  blockedItems: z.array(SosItemSchema),
  teamImpediments: z.array(SosImpedimentSchema),
  waitsFor: z.array(SosWaitSchema),
  waitedOnBy: z.array(SosWaitSchema),
  conflictsCaused: z.array(SosWaitSchema),
  conflictsSuffered: z.array(SosWaitSchema),
  newSince: z.array(SosNewSchema),
  /** The team's numbers that changed since the summary compared with ("conflicts suffered 1 → 3"). */
  changesSince: z.array(z.string()).default([]),
});
export type SosTeamRow = z.infer<typeof SosTeamRowSchema>;

export const SosProgramRowSchema = z.object({
  program: z.string(),
  teams: z.number().int(),
  blockedItems: z.number().int(),
  teamImpediments: z.number().int(),
  /** Open impediments at the Scrum of Scrums level and above: what the SoS of SoS works on. */
  escalated: z.array(SosImpedimentSchema),
  crossTeamWaits: z.number().int(),
  conflicts: z.number().int(),
  newSince: z.number().int(),
});
export type SosProgramRow = z.infer<typeof SosProgramRowSchema>;

export const SosMeetingSchema = z.object({
  /** Version of the mark (0 = never marked): send it back as `baseVersion`. */
  version: z.number().int(),
  heldAt: z.string().nullable(),
  heldBy: ActorSchema.nullable(),
});
export type SosMeeting = z.infer<typeof SosMeetingSchema>;

export const SosBoardSchema = z.object({
  programName: z.string(),
  hiddenProjectCount: z.number().int(),
  /** Issues of browsable projects that issue security hides from the user: left out, counted. */
  hiddenIssueCount: z.number().int(),
  analysisState: z.enum(['ready', 'stale', 'missing']),
  /** What "new since" counts from, and why (the last meeting, else the last working day). */
  since: z.object({
    at: z.string(),
    basis: z.enum(['meeting', 'last-working-day']),
    /** The day of the stored daily summary the team numbers are compared with; null when none covers it. */
    summaryDay: z.string().nullable().default(null),
  }),
  /** False without a meeting mark: only impediments carry a date, so only they can be "new". */
  baselineKnown: z.boolean(),
  meeting: SosMeetingSchema,
  canMarkMeeting: z.boolean(),
  /** The Team level's name (the ladder's first level), where raised impediments start. */
  teamLevel: z.string(),
  teams: z.array(SosTeamRowSchema),
  programs: z.array(SosProgramRowSchema),
});
export type SosBoard = z.infer<typeof SosBoardSchema>;

export const RaisePayloadSchema = z
  .object({
    /** The work the impediment blocks: 1 to 20 issues of one project. */
    blocks: z.array(IssueKeySchema).min(1, 'choose at least one blocked item').max(20, 'at most 20 items'),
    summary: z.string().trim().min(3, 'must name the impediment in at least 3 characters').max(255),
    reason: z.string().trim().min(3, 'must say why, in at least 3 characters').max(1000),
    /** The owner's Atlassian account id (checked against Jira). */
    owner: z.string().trim().min(1, 'must name an owner').max(128),
    requestId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'must be 8-64 letters, digits or dashes'),
  })
  .strict();
export type RaisePayload = z.infer<typeof RaisePayloadSchema>;

export const RaiseResultSchema = z.object({
  outcome: z.enum(['created', 'already-created']),
  issueKey: z.string(),
  level: z.string(),
  blocks: z.array(z.string()),
  message: z.string(),
});
export type RaiseResult = z.infer<typeof RaiseResultSchema>;

export const sosContract = {
  /** Anyone: the board as the user may see it (hidden projects counted, never named). */
  'sos/getBoard': { payload: z.object({}).strict(), response: SosBoardSchema },
  /** The SoS Master: the meeting was held now; "new since" counts from here. */
  'sos/markMeetingHeld': {
    payload: z.object({ baseVersion: z.number().int().min(0, 'must be 0 or more') }).strict(),
    response: SosMeetingSchema,
  },
  /** Users who may create issues in the blocked items' project: an Impediment at Team level. */
  'impediment/raise': { payload: RaisePayloadSchema, response: RaiseResultSchema },
} as const;
