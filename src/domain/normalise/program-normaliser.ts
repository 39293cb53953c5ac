/**
 * Builds the {@link ProgramModel} issue by issue, so a caller can feed a snapshot page by page and
 * never hold every raw issue at once (Forge gives 512 MB). Links are deduplicated by link id (Jira
 * lists a link on both issues); a linked issue that is not in the input becomes an external item.
 */
import type { CatalogField, FieldMap, ResolvedField } from '../config/field-map';
import type { ProgramConfig } from '../config/program-config';
import type { ProgramItem, ProgramSprint } from '../model/program-model';
import { projectKeyOf } from '../work-item';
import { escalationHistoryOf } from './escalation-history';
import { IssueSchema, type RawIssueLink, type RawLinkedIssue } from './issue-schema';
import { linkPolarityFor, prerequisiteOf, type PolarityOf } from './link-direction';
import { kindOf, normaliseIssue, type NormaliseContext } from './normalise-issue';
import { readSprint } from './sprint-field';

export interface PendingLink {
  from: string;
  to: string;
  linkType: string;
}

export interface NormalisedParts {
  items: ProgramItem[];
  indexOf: Map<string, number>;
  sprints: Map<number, ProgramSprint>;
  pendingLinks: PendingLink[];
  fieldMap: FieldMap;
  fields: ResolvedField[];
  warnings: string[];
}

export class ProgramNormaliser {
  private readonly items: ProgramItem[] = [];
  private readonly indexOf = new Map<string, number>();
  private readonly sprints = new Map<number, ProgramSprint>();
  private readonly links: PendingLink[] = [];
  private readonly seenLinks = new Set<string>();
  private readonly externals = new Map<string, RawLinkedIssue>();
  private readonly warnings: string[] = [];
  private skipped = 0;
  private readonly ctx: NormaliseContext;
  private readonly polarityOf: PolarityOf;

  constructor(
    config: ProgramConfig,
    private readonly fieldMap: FieldMap,
    private readonly fields: ResolvedField[],
  ) {
    this.ctx = { config, fieldMap, programProjects: new Set(config.projects) };
    this.polarityOf = linkPolarityFor(config);
  }

  /** Sprints as `board/{id}/sprint` lists them: they win over copies inside issues' sprint fields. */
  addSprints(rawSprints: Iterable<unknown>): void {
    for (const raw of rawSprints) {
      const sprint = readSprint(raw);
      if (sprint) this.sprints.set(sprint.id, sprint);
    }
  }

  addIssue(raw: unknown): void {
    const parsed = IssueSchema.safeParse(raw);
    if (!parsed.success) {
      this.skipped++;
      return;
    }
    const issue = parsed.data;
    if (this.indexOf.has(issue.key)) return;
    const rawFields: unknown =
      typeof raw === 'object' && raw !== null ? Reflect.get(raw, 'fields') : undefined;
    const { item, sprints } = normaliseIssue(issue, rawFields, this.ctx);
    if (item.kind === 'impediment') {
      item.escalationHistory = escalationHistoryOf(
        issue.properties?.[this.ctx.config.impediments.historyProperty],
      );
    }
    for (const sprint of sprints) if (!this.sprints.has(sprint.id)) this.sprints.set(sprint.id, sprint);
    this.indexOf.set(item.key, this.items.length);
    this.items.push(item);
    this.externals.delete(item.key);
    for (const link of issue.fields.issuelinks) if (link) this.addLink(issue.key, link);
  }

  private addLink(holder: string, link: RawIssueLink): void {
    const polarity = this.polarityOf(link.type);
    const other = link.outwardIssue ?? link.inwardIssue;
    if (!polarity || !other) return;
    const { from, to } = prerequisiteOf(
      holder,
      other.key,
      link.outwardIssue ? 'outward' : 'inward',
      polarity,
    );
    const id = link.id ?? `${from}>${to}|${link.type.name}`;
    if (this.seenLinks.has(id)) return;
    this.seenLinks.add(id);
    this.links.push({ from, to, linkType: link.type.name });
    if (!this.indexOf.has(other.key)) this.externals.set(other.key, other);
  }

  /** Adds an item for every linked issue the input did not contain, and returns the parts. */
  finish(): NormalisedParts {
    for (const [key, other] of [...this.externals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (this.indexOf.has(key)) continue;
      this.indexOf.set(key, this.items.length);
      this.items.push(externalItem(key, other, this.ctx.config.impediments.issueType));
    }
    this.externals.clear();
    this.seenLinks.clear();
    if (this.skipped > 0) this.warnings.push(`${this.skipped} issue(s) without a key were skipped`);
    return {
      items: this.items,
      indexOf: this.indexOf,
      sprints: this.sprints,
      pendingLinks: this.links,
      fieldMap: this.fieldMap,
      fields: this.fields,
      warnings: this.warnings,
    };
  }
}

function externalItem(key: string, other: RawLinkedIssue, impedimentType: string): ProgramItem {
  const f = other.fields;
  const projectKey = projectKeyOf(key);
  return {
    key,
    summary: f?.summary ?? '',
    projectKey,
    team: projectKey,
    kind: kindOf(f?.issuetype, impedimentType),
    issueType: f?.issuetype?.name ?? 'Unknown',
    statusName: f?.status?.name ?? 'Unknown',
    done: f?.status?.statusCategory?.key === 'done',
    parentKey: undefined,
    epicKey: undefined,
    points: undefined,
    rank: undefined,
    sprintIds: [],
    createdMs: undefined,
    resolvedMs: undefined,
    hasDescription: false,
    hasAcceptanceCriteria: false,
    wsjf: undefined,
    escalationLevel: undefined,
    escalationHistory: [],
    external: true,
  };
}

export type { CatalogField };
