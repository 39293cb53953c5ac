/**
 * Program-wide facts gathered while issues stream past: the projects they belong to, the sprints their
 * sprint field names (Jira's sprint field carries each sprint's id, state and dates, so no per-board
 * request is needed), the link types in use besides those Jira lists, and which story-point candidates
 * carry values (the evidence field resolution weighs when no board says which one a team fills).
 */
import { z } from 'zod';
import { fieldMapOf, type FieldResolution, type ObservedValues } from '../../domain/config/field-resolution';
import { ObservedValueCounter } from '../../domain/config/observed-values';
import { FIELD_ROLES } from '../../domain/config/field-roles';
import type { IssueLinkType } from '../../jira/schemas';
import type { SnapshotMeta, SnapshotProject, StoredIssue, StoredSprint } from '../../storage/snapshot-schema';

const SprintValueSchema = z.array(
  z.looseObject({
    id: z.number().int(),
    name: z.string(),
    state: z.string(),
    boardId: z.number().int().optional(),
    startDate: z.string().optional(),
    endDate: z.string().optional(),
    completeDate: z.string().optional(),
  }),
);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The issue's project as the snapshot reads it: `{ id, key, name? }` with strings, else undefined. */
function projectOf(value: unknown): { id: string; key: string; name: string | undefined } | undefined {
  if (!isRecord(value)) return undefined;
  const { id, key, name } = value;
  if (typeof id !== 'string' || typeof key !== 'string') return undefined;
  if (name !== undefined && typeof name !== 'string') return undefined;
  return { id, key, name };
}

function linkTypeNameOf(link: unknown): string | undefined {
  const type = isRecord(link) ? link.type : undefined;
  return isRecord(type) && typeof type.name === 'string' ? type.name : undefined;
}
const LinksValueSchema = z.array(
  z.looseObject({
    type: z.looseObject({
      id: z.string().optional(),
      name: z.string(),
      inward: z.string(),
      outward: z.string(),
    }),
  }),
);

export class ProgramMeta {
  readonly projects = new Map<string, SnapshotProject>();
  readonly sprints = new Map<number, StoredSprint>();
  readonly linkTypes = new Map<string, SnapshotMeta['linkTypes'][number]>();

  private readonly observed: ObservedValueCounter;
  private sprintField: string | undefined;

  /** `resolution` may be settled later (a full build resolves story points from what it observed). */
  constructor(
    private resolution: FieldResolution,
    listedLinkTypes: readonly IssueLinkType[] = [],
    countValuesOf: readonly string[] = [],
  ) {
    listedLinkTypes.forEach((t) => this.addLinkType(t));
    this.observed = new ObservedValueCounter(countValuesOf);
    this.sprintField = fieldMapOf(resolution).sprint;
  }

  static from(meta: SnapshotMeta, projects: readonly SnapshotProject[]): ProgramMeta {
    const result = new ProgramMeta(resolutionOf(meta), meta.linkTypes);
    meta.sprints.forEach((s) => result.sprints.set(s.id, s));
    projects.forEach((p) => result.projects.set(p.key, { ...p }));
    return result;
  }

  /**
   * Runs on every issue of a full build, so the common case costs no parse: the project is checked by
   * hand, and links are parsed only when one names a link type not seen yet (the parse then decides,
   * all or nothing, as before).
   */
  observe(issue: StoredIssue): void {
    const project = projectOf(issue.fields.project);
    if (project && !this.projects.has(project.key)) {
      const { id, key, name } = project;
      this.projects.set(key, { id, key, name: name ?? key, issueCount: 0 });
    }
    if (project) this.observed.observe(project.key, issue.fields);
    const sprintValue = this.sprintField ? issue.fields[this.sprintField] : undefined;
    if (Array.isArray(sprintValue) && sprintValue.length > 0) this.observeSprints(sprintValue);
    const links = issue.fields.issuelinks;
    if (!Array.isArray(links) || links.every((l) => this.linkTypes.has(linkTypeNameOf(l) ?? ''))) return;
    const parsed = LinksValueSchema.safeParse(links);
    (parsed.success ? parsed.data : []).forEach((l) => this.addLinkType(l.type));
  }

  private observeSprints(value: unknown[]): void {
    const sprints = SprintValueSchema.safeParse(value);
    for (const s of sprints.success ? sprints.data : []) {
      const { id, name, state, boardId, startDate, endDate, completeDate } = s;
      this.sprints.set(id, {
        id,
        name,
        state,
        ...(boardId === undefined ? {} : { boardId }),
        ...(startDate === undefined ? {} : { startDate }),
        ...(endDate === undefined ? {} : { endDate }),
        ...(completeDate === undefined ? {} : { completeDate }),
      });
    }
  }

  observedValues(): ObservedValues {
    return this.observed.result();
  }

  settle(resolution: FieldResolution): void {
    this.resolution = resolution;
    this.sprintField = fieldMapOf(resolution).sprint;
  }

  toMeta(): SnapshotMeta {
    return {
      fieldMap: fieldMapOf(this.resolution),
      fieldResolution: this.resolution,
      linkTypes: [...this.linkTypes.values()],
      sprints: [...this.sprints.values()].sort((a, b) => a.id - b.id),
    };
  }

  private addLinkType(t: { id?: string | undefined; name: string; inward: string; outward: string }): void {
    if (this.linkTypes.has(t.name)) return;
    this.linkTypes.set(t.name, {
      ...(t.id === undefined ? {} : { id: t.id }),
      name: t.name,
      inward: t.inward,
      outward: t.outward,
    });
  }
}

/** The stored resolution; a snapshot built before it was stored has only its field map. */
export function resolutionOf(meta: SnapshotMeta): FieldResolution {
  if (meta.fieldResolution) return meta.fieldResolution;
  const fields = FIELD_ROLES.map((role) => {
    const id = meta.fieldMap[role];
    return id === undefined
      ? { role, source: 'missing' as const, note: 'not in the stored snapshot' }
      : { role, id, source: 'configured' as const, note: `${id}, as the stored snapshot was built` };
  });
  return {
    fields,
    storyPointsByProject: [],
    warnings: ['fields as an older snapshot stored them: the next full rebuild resolves them again'],
  };
}
