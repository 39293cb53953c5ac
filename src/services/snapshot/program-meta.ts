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
const ProjectValueSchema = z.looseObject({ id: z.string(), key: z.string(), name: z.string().optional() });
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

  observe(issue: StoredIssue): void {
    const project = ProjectValueSchema.safeParse(issue.fields.project);
    if (project.success && !this.projects.has(project.data.key)) {
      const { id, key, name } = project.data;
      this.projects.set(key, { id, key, name: name ?? key, issueCount: 0 });
    }
    if (project.success) this.observed.observe(project.data.key, issue.fields);
    const sprintField = this.sprintField;
    const sprints = SprintValueSchema.safeParse(sprintField ? issue.fields[sprintField] : undefined);
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
    const links = LinksValueSchema.safeParse(issue.fields.issuelinks);
    (links.success ? links.data : []).forEach((l) => this.addLinkType(l.type));
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
