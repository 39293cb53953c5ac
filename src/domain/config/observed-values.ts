/**
 * Counts which candidate fields carry values, by project: the evidence field resolution weighs when no
 * board says which story-point field a team fills. Counted while issues stream past, so nothing is kept
 * but the counts.
 */
import { readNumber } from '../normalise/jira-values';
import { projectKeyOf } from '../issue-key';
import type { ObservedValues } from './field-resolution';

type Fields = Readonly<Record<string, unknown>>;

const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export class ObservedValueCounter {
  private readonly counts = new Map<string, Map<string, number>>();

  constructor(private readonly fieldIds: readonly string[]) {}

  /** One issue as Jira returns it (`{ key, fields }`); anything else is ignored. */
  observeIssue(raw: unknown): void {
    if (!isFields(raw) || typeof raw.key !== 'string' || !isFields(raw.fields)) return;
    const project = raw.fields.project;
    const key = isFields(project) && typeof project.key === 'string' ? project.key : projectKeyOf(raw.key);
    this.observe(key, raw.fields);
  }

  observe(projectKey: string, fields: Fields): void {
    for (const id of this.fieldIds) {
      if (readNumber(fields[id]) === undefined) continue;
      const byProject = this.counts.get(id) ?? new Map<string, number>();
      byProject.set(projectKey, (byProject.get(projectKey) ?? 0) + 1);
      this.counts.set(id, byProject);
    }
  }

  result(): ObservedValues {
    return this.counts;
  }
}
