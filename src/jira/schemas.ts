/**
 * What we read from Jira, parsed leniently (STYLE.md): unknown keys pass, enums stay open, and every
 * field a site may leave out is optional. A reply that breaks these schemas becomes a JiraBadReply.
 */
import { z } from 'zod';

export const StatusCategoryKeySchema = z.string();

export const StatusSchema = z.looseObject({
  name: z.string(),
  statusCategory: z.looseObject({ key: StatusCategoryKeySchema }).optional(),
});

export const ProjectRefSchema = z.looseObject({
  id: z.string().optional(),
  key: z.string(),
  name: z.string().optional(),
});

export const IssueTypeRefSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string(),
  hierarchyLevel: z.number().int().optional(),
  subtask: z.boolean().optional(),
});

const LinkedIssueSchema = z.looseObject({
  id: z.string().optional(),
  key: z.string(),
  fields: z
    .looseObject({
      summary: z.string().optional(),
      status: StatusSchema.optional(),
      issuetype: IssueTypeRefSchema.optional(),
    })
    .optional(),
});

export const IssueLinkTypeSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string(),
  inward: z.string(),
  outward: z.string(),
});
export type IssueLinkType = z.infer<typeof IssueLinkTypeSchema>;

export const IssueLinkSchema = z.looseObject({
  id: z.string().optional(),
  type: IssueLinkTypeSchema,
  inwardIssue: LinkedIssueSchema.optional(),
  outwardIssue: LinkedIssueSchema.optional(),
});
export type IssueLink = z.infer<typeof IssueLinkSchema>;

export const IssueFieldsSchema = z.looseObject({
  summary: z.string().optional(),
  status: StatusSchema.optional(),
  project: ProjectRefSchema.optional(),
  issuetype: IssueTypeRefSchema.optional(),
  parent: z.looseObject({ id: z.string().optional(), key: z.string() }).nullish(),
  issuelinks: z.array(IssueLinkSchema).optional(),
});

export const JiraIssueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: IssueFieldsSchema.optional(),
});
export type JiraIssue = z.infer<typeof JiraIssueSchema>;

export const SearchPageSchema = z.looseObject({
  issues: z.array(JiraIssueSchema),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});

export const ProjectSchema = z.looseObject({ id: z.string(), key: z.string(), name: z.string() });
export type JiraProject = z.infer<typeof ProjectSchema>;

export const ProjectSearchPageSchema = z.looseObject({
  values: z.array(ProjectSchema),
  isLast: z.boolean().optional(),
  startAt: z.number().optional(),
  maxResults: z.number().optional(),
  total: z.number().optional(),
});

export const MyselfSchema = z.looseObject({
  accountId: z.string(),
  displayName: z.string().optional(),
});

export const MyPermissionsSchema = z.looseObject({
  permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean() })),
});

export const IssueLinkTypesSchema = z.looseObject({ issueLinkTypes: z.array(IssueLinkTypeSchema) });

const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A JSON object, checked without being copied: `z.record` re-validated and copied every field of every
 * issue only to let any value pass (0.26 ms per 100-issue page, a quarter of its JSON.parse).
 */
const JsonObjectSchema = z.custom<Record<string, unknown>>(isJsonObject, 'expected an object');

/**
 * An issue as a bulk read returns it, checked only for its identity: the snapshot keeps the fields raw
 * (Jira's shape) and they are parsed with {@link JiraIssueSchema} where they are used. Parsing every
 * nested field of 100 issues per page here would cost more CPU than the page's round trip.
 */
export const RawIssueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: JsonObjectSchema.optional(),
  /** The issue properties asked for by key (escalation histories); checked where they are read. */
  properties: JsonObjectSchema.optional().catch(undefined),
});
export type RawIssue = z.infer<typeof RawIssueSchema>;

export const RawSearchPageSchema = z.looseObject({
  issues: z.array(RawIssueSchema),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});
