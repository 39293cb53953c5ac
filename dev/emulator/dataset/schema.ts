import { z } from 'zod';

/**
 * The dataset file: Jira-shaped records, lenient on purpose. Real Jira payloads carry fields we do not
 * model (avatarUrls, expand, renderedFields...), so every object passes unknown keys through untouched.
 */
const Ref = z.looseObject({ id: z.string(), key: z.string() });

const LinkTypeSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  inward: z.string(),
  outward: z.string(),
});

const IssueLinkSchema = z.looseObject({
  id: z.string(),
  type: LinkTypeSchema,
  inwardIssue: Ref.optional(),
  outwardIssue: Ref.optional(),
});

const IssueTypeRefSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  hierarchyLevel: z.number().int().optional(),
  subtask: z.boolean().optional(),
});

const IssueFieldsSchema = z.looseObject({
  summary: z.string(),
  issuetype: IssueTypeRefSchema,
  project: z.looseObject({ id: z.string(), key: z.string(), name: z.string().optional() }),
  status: z.looseObject({
    name: z.string(),
    statusCategory: z.looseObject({ key: z.string(), name: z.string().optional() }),
  }),
  parent: Ref.optional(),
  issuelinks: z.array(IssueLinkSchema).optional(),
  created: z.string(),
  updated: z.string(),
  resolutiondate: z.string().nullable().optional(),
});

export const IssueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  self: z.string().optional(),
  fields: IssueFieldsSchema,
});

const ProjectSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  /** `next-gen` = team-managed; anything else (default) company-managed. */
  style: z.string().optional(),
});

const SprintSchema = z.looseObject({
  id: z.number().int(),
  boardId: z.number().int().optional(),
  originBoardId: z.number().int(),
  name: z.string(),
  state: z.enum(['active', 'closed', 'future']),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  completeDate: z.string().optional(),
  goal: z.string().optional(),
});

const BoardSchema = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  type: z.string(),
  location: z.looseObject({ projectId: z.number().int(), projectKey: z.string() }),
  /**
   * What the board estimates with, as `board/{id}/configuration` reports it; absent = the board counts
   * issues (Jira's `issueCount`).
   */
  estimation: z
    .looseObject({
      type: z.string(),
      field: z.looseObject({ fieldId: z.string(), displayName: z.string() }).optional(),
    })
    .optional(),
});

const FieldSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  custom: z.boolean(),
  schema: z
    .looseObject({ type: z.string(), items: z.string().optional(), custom: z.string().optional() })
    .optional(),
});

const UserSchema = z.looseObject({
  accountId: z.string(),
  displayName: z.string(),
  emailAddress: z.string(),
  apiToken: z.string().optional(),
  active: z.boolean(),
  admin: z.boolean(),
  browse: z.union([z.literal('*'), z.array(z.string())]),
  edit: z.union([z.literal('*'), z.array(z.string())]).optional(),
  /**
   * Project permissions held apart from Edit issues (each defaults to `edit`): a user who may edit but
   * not transition, comment or rank, as a Jira permission scheme can grant them separately.
   */
  permissions: z
    .strictObject({
      TRANSITION_ISSUES: z.union([z.literal('*'), z.array(z.string())]).optional(),
      ADD_COMMENTS: z.union([z.literal('*'), z.array(z.string())]).optional(),
      SCHEDULE_ISSUES: z.union([z.literal('*'), z.array(z.string())]).optional(),
    })
    .optional(),
  /** Ids of the issue security levels the user is a member of (an issue's `fields.security.id`). */
  securityLevels: z.array(z.string()).optional(),
});

/** A Jira group: its id (stable across renames), its name and its members' account ids. */
const GroupSchema = z.looseObject({
  groupId: z.string(),
  name: z.string(),
  members: z.array(z.string()).default([]),
});

const FieldContextSchema = z.looseObject({
  fieldId: z.string(),
  id: z.string(),
  name: z.string(),
  options: z.array(z.looseObject({ id: z.string(), value: z.string(), disabled: z.boolean() })),
});

const IssueTypeSchemeSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  issueTypeIds: z.array(z.string()),
  projectIds: z.array(z.string()),
});

export const DatasetSchema = z.looseObject({
  issues: z.array(IssueSchema),
  projects: z.array(ProjectSchema),
  sprints: z.array(SprintSchema).default([]),
  boards: z.array(BoardSchema).default([]),
  fields: z.array(FieldSchema).default([]),
  issueLinkTypes: z.array(LinkTypeSchema).default([]),
  issueTypes: z.array(
    IssueTypeRefSchema.extend({
      description: z.string().optional(),
      /** Set on a team-managed project's own type (rendered as its `scope`). */
      scopeProjectId: z.string().optional(),
    }),
  ),
  users: z.array(UserSchema),
  groups: z.array(GroupSchema).default([]),
  /** Issue entity properties by issue key, then property key. */
  issueProperties: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  /** Contexts and options of select custom fields. */
  fieldContexts: z.array(FieldContextSchema).default([]),
  /** Issue type schemes; projects not listed use the default scheme holding every type. */
  issueTypeSchemes: z.array(IssueTypeSchemeSchema).default([]),
});

/** A parsed dataset: every optional collection filled in. */
export type Dataset = z.output<typeof DatasetSchema>;
export type DatasetIssue = z.output<typeof IssueSchema>;
export type DatasetUser = z.output<typeof UserSchema>;
export type DatasetGroup = z.output<typeof GroupSchema>;
export type DatasetSprint = z.output<typeof SprintSchema>;
export type DatasetBoard = z.output<typeof BoardSchema>;
export type DatasetField = z.output<typeof FieldSchema>;
export type DatasetLinkType = z.output<typeof LinkTypeSchema>;
export type DatasetIssueType = z.output<typeof DatasetSchema>['issueTypes'][number];
export type DatasetProject = z.output<typeof ProjectSchema>;
export type DatasetFieldContext = z.output<typeof FieldContextSchema>;
