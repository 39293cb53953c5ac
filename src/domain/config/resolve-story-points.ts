/**
 * Which field holds story points, program-wide and per project. Long-lived company-managed sites carry
 * both "Story Points" and "Story point estimate", and the name says nothing about which one a team fills.
 * Order: the configured field (for every project); else each board's estimation field
 * (`estimation.field.fieldId` of `board/{id}/configuration`, per project); else the candidate that
 * carries values; else the first known name. Passing over a candidate that carries values, or choosing
 * between candidates on weak grounds, gives a warning naming both.
 */
import type { BoardEstimation, CatalogField, ProjectField, ResolvedField } from './field-resolution';
import { ROLE_RECOGNITION } from './field-roles';
import { configuredField, describeField, recognisedField } from './field-recognition';
import type { FieldResolutionInput } from './resolve-fields';

interface StoryPoints {
  program: ResolvedField;
  byProject: ProjectField[];
  warnings: string[];
}

/** Custom fields only: a board estimating by time (`timeoriginalestimate`) or issue count has no points. */
const isPointsField = (id: string | undefined): id is string =>
  id !== undefined && id.startsWith('customfield_');

/**
 * Fields that may hold story points: known names (in order of preference) and boards' estimation
 * fields. The snapshot requests all of them, so the values can tell which one a team fills.
 */
export function storyPointCandidates(
  catalog: readonly CatalogField[],
  boards: readonly BoardEstimation[],
): string[] {
  const names = ROLE_RECOGNITION.storyPoints.names.map((n) => n.toLowerCase());
  const named = catalog
    .filter((f) => names.includes(f.name.toLowerCase()))
    .sort((x, y) => names.indexOf(x.name.toLowerCase()) - names.indexOf(y.name.toLowerCase()));
  return [...new Set([...named.map((f) => f.id), ...boards.map((b) => b.fieldId).filter(isPointsField)])];
}

class Candidates {
  readonly ids: string[];
  constructor(private readonly input: FieldResolutionInput) {
    this.ids = [...new Set([...storyPointCandidates(input.catalog, input.boards), ...input.observed.keys()])];
  }
  describe(id: string): string {
    const field: CatalogField | undefined = this.input.catalog.find((f) => f.id === id);
    return field ? describeField(field) : id;
  }
  count(id: string, project?: string): number {
    const byProject = this.input.observed.get(id);
    if (!byProject) return 0;
    if (project !== undefined) return byProject.get(project) ?? 0;
    let total = 0;
    for (const n of byProject.values()) total += n;
    return total;
  }
  /** The candidate with the most values (in `project`, or overall); ties go to the earlier candidate. */
  mostValues(project?: string): string | undefined {
    let best: string | undefined;
    for (const id of this.ids)
      if (this.count(id, project) > (best === undefined ? 0 : this.count(best, project))) best = id;
    return best;
  }
}

function boardsByProject(boards: readonly BoardEstimation[]): Map<string, BoardEstimation[]> {
  const out = new Map<string, BoardEstimation[]>();
  for (const b of [...boards].sort((x, y) => x.boardId - y.boardId)) {
    if (!isPointsField(b.fieldId)) continue;
    out.set(b.projectKey, [...(out.get(b.projectKey) ?? []), b]);
  }
  return out;
}

function passedOver(c: Candidates, chosen: string, project: string | undefined, why: string): string[] {
  return c.ids.flatMap((id) => {
    const n = c.count(id, project);
    if (id === chosen || n === 0) return [];
    const where = project === undefined ? '' : ` in ${project}`;
    return [
      `storyPoints${where}: ${c.describe(id)} carries ${n} value(s) but ${c.describe(chosen)} is read (${why})`,
    ];
  });
}

export function resolveStoryPoints(input: FieldResolutionInput): StoryPoints {
  const c = new Candidates(input);
  const warnings: string[] = [];
  const configured = input.overrides.storyPoints;
  if (configured !== undefined) {
    const field = configuredField('storyPoints', configured, input.catalog);
    if (field.id !== undefined) {
      return { program: field, byProject: [], warnings: passedOver(c, field.id, undefined, 'configured') };
    }
    warnings.push(`storyPoints: ${field.note}; resolved as if none were configured`);
  }
  const boards = boardsByProject(input.boards);
  const perProject = new Map<string, { id: string; source: 'board' | 'observed'; note: string }>();
  for (const [project, list] of boards) {
    const ids = [...new Set(list.map((b) => b.fieldId).filter(isPointsField))];
    // Several boards of one project estimating differently: the one whose field carries values.
    const id = ids.length > 1 ? (ids.find((i) => i === c.mostValues(project)) ?? ids[0]) : ids[0];
    if (id === undefined) continue;
    const used = list.filter((b) => b.fieldId === id).map((b) => b.boardId);
    if (ids.length > 1) {
      warnings.push(
        `storyPoints in ${project}: its boards estimate with ${ids.map((i) => c.describe(i)).join(', ')}; read ${c.describe(id)}`,
      );
    }
    perProject.set(project, {
      id,
      source: 'board',
      note: `${c.describe(id)}: the estimation field of board ${used.join(', ')}`,
    });
  }
  const program = programWide(c, perProject, input.catalog, warnings);
  const projects = new Set([...boards.keys(), ...[...input.observed.values()].flatMap((m) => [...m.keys()])]);
  const byProject: ProjectField[] = [];
  for (const project of [...projects].sort()) {
    let choice = perProject.get(project);
    const observed = c.mostValues(project);
    if (!choice && observed !== undefined && observed !== program.id) {
      choice = {
        id: observed,
        source: 'observed',
        note: `${c.describe(observed)}: the field ${project}'s issues fill`,
      };
    }
    const id = choice?.id ?? program.id;
    if (choice && choice.id !== program.id) byProject.push({ project, ...choice });
    if (id !== undefined) warnings.push(...passedOver(c, id, project, choice?.source ?? program.source));
  }
  return { program, byProject, warnings };
}

function programWide(
  c: Candidates,
  perProject: ReadonlyMap<string, { id: string }>,
  catalog: readonly CatalogField[],
  warnings: string[],
): ResolvedField {
  const votes = new Map<string, number>();
  for (const { id } of perProject.values()) votes.set(id, (votes.get(id) ?? 0) + 1);
  const byBoards = [...votes].sort((a, b) => b[1] - a[1] || c.count(b[0]) - c.count(a[0]))[0]?.[0];
  if (byBoards !== undefined) {
    const others = [...votes.keys()].filter((id) => id !== byBoards);
    const note = `${c.describe(byBoards)}: the estimation field of ${votes.get(byBoards)} project(s)' boards`;
    return {
      role: 'storyPoints',
      id: byBoards,
      source: 'board',
      note:
        others.length > 0
          ? `${note}; other projects' boards use ${others.map((i) => c.describe(i)).join(', ')}`
          : note,
    };
  }
  const withValues = c.ids.filter((id) => c.count(id) > 0).sort((a, b) => c.count(b) - c.count(a));
  const observed = withValues[0];
  if (observed !== undefined) {
    if (withValues.length > 1) {
      warnings.push(
        `storyPoints: ${withValues.map((id) => `${c.describe(id)} carries ${c.count(id)} value(s)`).join(', ')}` +
          ` and no board says which to read; read ${c.describe(observed)}, the fuller one`,
      );
    }
    return {
      role: 'storyPoints',
      id: observed,
      source: 'observed',
      note: `${c.describe(observed)}: ${c.count(observed)} issue(s) carry a value`,
    };
  }
  const named = recognisedField('storyPoints', catalog);
  if (named.id !== undefined && c.ids.length > 1) {
    warnings.push(
      `storyPoints: ${c.ids.map((id) => c.describe(id)).join(' and ')} are candidates, no board estimates with either and no issue carries a value; read ${c.describe(named.id)} by name`,
    );
  }
  return named;
}
