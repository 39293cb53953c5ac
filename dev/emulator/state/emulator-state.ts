import type {
  Dataset,
  DatasetBoard,
  DatasetField,
  DatasetFieldContext,
  DatasetGroup,
  DatasetIssueType,
  DatasetLinkType,
  DatasetProject,
  DatasetSprint,
  DatasetUser,
} from '../dataset/schema';
import { initialRanks } from './rank';
import { RANK_FIELD, issueFacts, toStoredIssue, type LinkRecord, type StoredIssue } from './stored-issue';
import { linkRecordsFrom } from './link-records';

export interface IssueTypeScheme {
  id: string;
  name: string;
  isDefault: boolean;
  issueTypeIds: string[];
  projectIds: string[];
}

export const DEFAULT_SCHEME_ID = '10000';

/** Everything the emulator knows, mutable by the routes; tests may read and change it in-process. */
export class EmulatorState {
  readonly issues = new Map<string, StoredIssue>();
  readonly idByKey = new Map<string, string>();
  readonly projects: DatasetProject[];
  readonly users: DatasetUser[];
  readonly groups: DatasetGroup[];
  readonly sprints: DatasetSprint[];
  readonly boards: DatasetBoard[];
  readonly fields: DatasetField[];
  readonly fieldContexts: DatasetFieldContext[];
  readonly issueTypes: DatasetIssueType[];
  readonly linkTypes: DatasetLinkType[];
  readonly links = new Map<string, LinkRecord>();
  readonly linksByIssue = new Map<string, Set<string>>();
  readonly schemes: IssueTypeScheme[];
  /** Issue notification e-mails sent (`POST /issue/{key}/notify`), for tests to read. */
  readonly notifications: Array<{ issueKey: string; subject: string; users: string[]; groups: string[] }> =
    [];
  /** Fields put on the default screen (`POST /screens/addToDefault/{fieldId}`). */
  readonly defaultScreenFields = new Set<string>();
  /** Search results kept per page token chain, so later pages neither skip nor repeat issues. */
  readonly searchSnapshots = new Map<string, string[]>();
  private counter = 0;

  constructor(
    dataset: Dataset,
    readonly now: () => Date = () => new Date(),
  ) {
    this.projects = [...dataset.projects];
    this.users = [...dataset.users];
    this.groups = [...dataset.groups];
    this.sprints = [...dataset.sprints];
    this.boards = [...dataset.boards];
    this.fields = [...dataset.fields];
    this.fieldContexts = dataset.fieldContexts.map((c) => ({ ...c, options: [...c.options] }));
    this.issueTypes = [...dataset.issueTypes];
    this.linkTypes = [...dataset.issueLinkTypes];
    for (const raw of dataset.issues) {
      const issue = toStoredIssue(raw);
      this.issues.set(issue.id, issue);
      this.idByKey.set(issue.key, issue.id);
    }
    for (const [key, props] of Object.entries(dataset.issueProperties)) {
      const issue = this.issueByKeyOrId(key);
      for (const [prop, value] of Object.entries(props)) issue?.properties.set(prop, value);
    }
    this.normaliseRanks();
    const { links, linkTypes } = linkRecordsFrom(dataset.issues, this.idByKey);
    for (const type of linkTypes)
      if (!this.linkTypes.some((t) => t.id === type.id)) this.linkTypes.push(type);
    for (const link of links) this.addLink(link);
    this.schemes = this.buildSchemes(dataset);
  }

  /** Monotonic ids for everything the emulator creates, above any id in the dataset. */
  nextId(): string {
    if (this.counter === 0) {
      // Links too: a created link whose id matched a dataset link replaced it (and its issues' links).
      const ids = [...this.issues.keys(), ...this.links.keys(), ...this.issueTypes.map((t) => t.id)].map(
        Number,
      );
      this.counter = Math.max(20000, ...ids.filter((n) => Number.isFinite(n))) + 1;
    }
    return String(this.counter++);
  }

  issueByKeyOrId(keyOrId: string): StoredIssue | undefined {
    return this.issues.get(this.idByKey.get(keyOrId.toUpperCase()) ?? keyOrId);
  }

  projectByKeyOrId(keyOrId: string): DatasetProject | undefined {
    const upper = keyOrId.toUpperCase();
    return this.projects.find((p) => p.key === upper || p.id === keyOrId);
  }

  addLink(link: LinkRecord): void {
    this.links.set(link.id, link);
    for (const issueId of [link.fromId, link.toId]) {
      const set = this.linksByIssue.get(issueId) ?? new Set<string>();
      set.add(link.id);
      this.linksByIssue.set(issueId, set);
    }
  }

  addIssue(issue: StoredIssue): void {
    this.issues.set(issue.id, issue);
    this.idByKey.set(issue.key, issue.id);
  }

  schemeForProject(projectId: string): IssueTypeScheme {
    const found = this.schemes.find((s) => s.projectIds.includes(projectId));
    return found ?? this.schemes.find((s) => s.isDefault) ?? this.schemes[0]!;
  }

  /** Dataset ranks are kept when they are all emulator-shaped; otherwise re-spaced in their order. */
  private normaliseRanks(): void {
    const all = [...this.issues.values()];
    const shaped = all.every((i) => /^0\|[0-9a-z]{6}:[0-9a-z]*$/.test(issueFacts.rank(i)));
    if (shaped) return;
    const ordered = all
      .map((issue, index) => ({ issue, index, rank: issueFacts.rank(issue) }))
      .sort((a, b) =>
        a.rank === b.rank
          ? a.index - b.index
          : a.rank === ''
            ? 1
            : b.rank === ''
              ? -1
              : a.rank < b.rank
                ? -1
                : 1,
      );
    const ranks = initialRanks(ordered.length);
    ordered.forEach((entry, i) => (entry.issue.fields[RANK_FIELD] = ranks[i]));
  }

  private buildSchemes(dataset: Dataset): IssueTypeScheme[] {
    const listed = dataset.issueTypeSchemes.map((s) => ({ ...s, isDefault: false }));
    const fallback: IssueTypeScheme = {
      id: DEFAULT_SCHEME_ID,
      name: 'Default Issue Type Scheme',
      isDefault: true,
      issueTypeIds: this.issueTypes.map((t) => t.id),
      projectIds: [],
    };
    return [fallback, ...listed.filter((s) => s.id !== DEFAULT_SCHEME_ID)];
  }
}
