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
 * An issue as a bulk read returns it, checked only for its identity: the snapshot keeps the fields raw
 * (Jira's shape) and they are parsed with {@link JiraIssueSchema} where they are used. Parsing every
 * nested field of 100 issues per page here would cost more CPU than the page's round trip.
 */
export interface RawIssue {
  id: string;
  key: string;
  fields?: Record<string, unknown> | undefined;
  /** The issue properties asked for by key (escalation histories); checked where they are read. */
  properties?: Record<string, unknown> | undefined;
  [other: string]: unknown;
}

type Problem = [field: string, message: string];

/** The raw issue `value` is, or what is wrong with it (the field, '' for the whole, and why). */
function asRawIssue(value: unknown): RawIssue | Problem {
  if (!isJsonObject(value)) return ['', 'expected an object'];
  if (typeof value.id !== 'string') return ['id', 'expected a string'];
  if (typeof value.key !== 'string') return ['key', 'expected a string'];
  if (value.fields !== undefined && !isJsonObject(value.fields)) return ['fields', 'expected an object'];
  // Properties that are not an object are read as none: the issue itself is still good.
  if (value.properties !== undefined && !isJsonObject(value.properties)) value.properties = undefined;
  return value as RawIssue;
}

const isProblem = (checked: RawIssue | Problem): checked is Problem => Array.isArray(checked);

/** Reports `problem` of the issue at `at` (its field appended, when it names one) and fails the parse. */
function reported(ctx: z.RefinementCtx, [field, message]: Problem, at: number[], input: unknown): never {
  ctx.addIssue({ code: 'custom', path: field ? [...at, field] : at, message, input });
  return z.NEVER;
}

/**
 * A list of raw issues, checked in one plain loop and returned as it came (no copy). A census page holds
 * 5,000 issues: zod's object schema took 35-75 ms on the first pages of a build, before V8 had optimised
 * it, and the pages wait for the census.
 */
export const RawIssuesSchema = z
  .custom<unknown[]>(Array.isArray, 'expected an array')
  .transform((issues, ctx): RawIssue[] => {
    for (let i = 0; i < issues.length; i++) {
      const checked = asRawIssue(issues[i]);
      if (isProblem(checked)) return reported(ctx, checked, [i], issues[i]);
    }
    return issues as RawIssue[];
  });

/** One raw issue (see {@link RawIssuesSchema}). */
export const RawIssueSchema = z.unknown().transform((value, ctx): RawIssue => {
  const checked = asRawIssue(value);
  return isProblem(checked) ? reported(ctx, checked, [], value) : checked;
});

export const RawSearchPageSchema = z.looseObject({
  issues: RawIssuesSchema,
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});
