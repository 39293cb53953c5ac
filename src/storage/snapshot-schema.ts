/**
 * The stored program snapshot. Our own records are strict; the issues inside chunks keep Jira's shape
 * (compacted to the fields the app reads), so their `fields` are checked leniently when they are used.
 */
import { z } from 'zod';
import { FieldResolutionSchema } from '../domain/config/field-resolution';
import { PartialReasonSchema } from '../shared/contract';

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/**
 * A plain object with any values, checked without being copied: `z.record(z.string(), z.unknown())`
 * accepts the same values but copies every field of every issue on each write and read of a chunk.
 */
const AnyRecordSchema = z.custom<Record<string, unknown>>(isPlainObject, 'expected an object');

export const StoredIssueSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    fields: AnyRecordSchema,
    /** Issue properties the analysis reads (the impediments' escalation history), when the issue has them. */
    properties: AnyRecordSchema.optional(),
  })
  .strict();
export type StoredIssue = z.infer<typeof StoredIssueSchema>;

export const SnapshotChunkSchema = z.object({ issues: z.array(StoredIssueSchema) }).strict();
export type SnapshotChunk = z.infer<typeof SnapshotChunkSchema>;

/** [first, last] issue numbers of a run of keys held by a chunk, e.g. [101, 200] for PAY-101..PAY-200. */
const KeyRangeSchema = z.tuple([z.number().int(), z.number().int()]);

export const ChunkRefSchema = z
  .object({
    key: z.string(),
    project: z.string(),
    count: z.number().int(),
    /** Issues at hierarchy level 1 (epics) in the chunk. */
    epics: z.number().int(),
    bytes: z.number().int(),
    ranges: z.array(KeyRangeSchema),
  })
  .strict();
export type ChunkRef = z.infer<typeof ChunkRefSchema>;

export const SnapshotProjectSchema = z
  .object({ key: z.string(), id: z.string(), name: z.string(), issueCount: z.number().int() })
  .strict();
export type SnapshotProject = z.infer<typeof SnapshotProjectSchema>;

/** The pointer's value: everything a reader needs to find the chunks of one complete version. */
export const SnapshotManifestSchema = z
  .object({
    schemaVersion: z.literal(1),
    version: z.string(),
    /**
     * The shape of the issues in its chunks (services/snapshot/issue-shape.ts); absent = 1, Jira's
     * reply trimmed. A refresh never mixes shapes: a snapshot of another shape is rebuilt in full.
     */
    issueShape: z.number().int().optional(),
    kind: z.enum(['full', 'incremental']),
    builtAt: z.string(),
    fullBuiltAt: z.string(),
    /** Our clock when the fetch started: the next incremental refresh reads what changed since then. */
    syncedAt: z.string(),
    /** The projects the snapshot was built for (the configured program, or all the app could browse). */
    projectKeys: z.array(z.string()),
    projects: z.array(SnapshotProjectSchema),
    /** Field role -> field id used for this version (the meta record has it too, with sprints). */
    fieldMap: z.record(z.string(), z.string()),
    chunks: z.array(ChunkRefSchema),
    metaKey: z.string(),
    issueCount: z.number().int(),
    epicCount: z.number().int(),
    bytes: z.number().int(),
    partial: z.array(PartialReasonSchema),
    /**
     * What the latest incremental refresh could not read (its issues keep their previous data, and the
     * next refresh tries them again); replaced by every refresh, absent after a full build.
     */
    refreshPartial: z.array(PartialReasonSchema).optional(),
    jiraRequests: z.number().int(),
    /** Keys the previous version named and this one does not: deleted by name at the next switch. */
    superseded: z.array(z.string()).optional(),
  })
  .strict();
export type SnapshotManifest = z.infer<typeof SnapshotManifestSchema>;

export const StoredSprintSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    state: z.string(),
    boardId: z.number().int().optional(),
    startDate: z.string().optional(),
    endDate: z.string().optional(),
    completeDate: z.string().optional(),
  })
  .strict();
export type StoredSprint = z.infer<typeof StoredSprintSchema>;

export const StoredLinkTypeSchema = z
  .object({ id: z.string().optional(), name: z.string(), inward: z.string(), outward: z.string() })
  .strict();

/**
 * Program-wide facts that are not issues: the field resolution used (with how each field was chosen and
 * what was guessed; absent in snapshots built before it was stored), link types, and sprints seen on issues.
 */
export const SnapshotMetaSchema = z
  .object({
    fieldMap: z.record(z.string(), z.string()),
    fieldResolution: FieldResolutionSchema.optional(),
    linkTypes: z.array(StoredLinkTypeSchema),
    sprints: z.array(StoredSprintSchema),
  })
  .strict();
export type SnapshotMeta = z.infer<typeof SnapshotMetaSchema>;
