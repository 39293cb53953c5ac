/**
 * Issues known only from another issue's link (outside the input): key, summary, status, type. The
 * normaliser learns of them one link end at a time and most arrive later as issues themselves, so
 * {@link PendingExternals} keeps just those few values (parallel arrays, nothing of the raw link) and
 * builds the items at the end for the ones that never arrived.
 */
import { NO_SPRINTS, itemOfFacts, type ItemKind, type ProgramItem } from '../model/program-model';
import { projectKeyOf } from '../issue-key';
import { kindOf } from './normalise-issue';

export function externalItem(
  key: string,
  summary: string,
  statusName: string,
  done: boolean,
  issueType: string,
  kind: ItemKind,
): ProgramItem {
  const projectKey = projectKeyOf(key);
  return itemOfFacts({
    key,
    summary,
    projectKey,
    team: projectKey,
    kind,
    issueType,
    statusName,
    done,
    parentKey: undefined,
    parentVia: undefined,
    epicKey: undefined,
    points: undefined,
    rank: undefined,
    sprintIds: NO_SPRINTS,
    dueDate: undefined,
    external: true,
  });
}

type Fields = Readonly<Record<string, unknown>>;
// Local copy of the json-guards reader (one call per link end; see program-normaliser.ts).
function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function objectAt(value: unknown): Fields | undefined {
  return isObject(value) ? value : undefined;
}

export class PendingExternals {
  private index: number[] = [];
  private key: string[] = [];
  private summary: string[] = [];
  private statusName: string[] = [];
  private done: boolean[] = [];
  private issueType: string[] = [];
  private kind: ItemKind[] = [];

  /** Records item `index` as the linked issue `key`, read from the link's `fields` as Jira sends them. */
  add(index: number, key: string, linkedFields: unknown, impedimentType: string): void {
    const f = objectAt(linkedFields);
    const status = objectAt(f?.status);
    const type = objectAt(f?.issuetype);
    const summary = f?.summary;
    const statusName = status?.name;
    const category = objectAt(status?.statusCategory)?.key;
    const typeName = type?.name;
    const level = type?.hierarchyLevel;
    const subtask = type?.subtask;
    // A type object without a name reads as 'Unknown' (also for its kind); no type at all as ''.
    const name = type ? (typeof typeName === 'string' ? typeName : 'Unknown') : '';
    this.index.push(index);
    this.key.push(key);
    this.summary.push(typeof summary === 'string' ? summary : '');
    this.statusName.push(typeof statusName === 'string' ? statusName : 'Unknown');
    this.done.push(category === 'done');
    this.issueType.push(type ? name : 'Unknown');
    this.kind.push(
      kindOf(
        name,
        typeof level === 'number' && Number.isFinite(level) ? level : undefined,
        typeof subtask === 'boolean' ? subtask : undefined,
        impedimentType,
      ),
    );
  }

  /** Replaces every item still `placeholder` by its external item; forgets what it recorded. */
  fill(items: ProgramItem[], placeholder: ProgramItem): void {
    for (let p = 0; p < this.index.length; p++) {
      const index = this.index[p];
      if (index === undefined || items[index] !== placeholder) continue;
      items[index] = externalItem(
        this.key[p] ?? '',
        this.summary[p] ?? '',
        this.statusName[p] ?? 'Unknown',
        this.done[p] === true,
        this.issueType[p] ?? 'Unknown',
        this.kind[p] ?? 'backlog',
      );
    }
    this.index = [];
    this.key = [];
    this.summary = [];
    this.statusName = [];
    this.done = [];
    this.issueType = [];
    this.kind = [];
  }
}
