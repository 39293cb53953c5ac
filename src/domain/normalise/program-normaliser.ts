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
import {
  readIssue,
  readIssueLinks,
  readIssueType,
  readStatus,
  type RawIssueLink,
  type RawLinkEnd,
} from './issue-schema';
import { fieldValue } from './jira-values';
import { objectAt, stringAt } from './json-guards';
import { linkPolarityFor, prerequisiteOf, type PolarityOf } from './link-direction';
import { kindOf, normaliseIssue, type NormaliseContext } from './normalise-issue';
import { readSprint, readSprintField } from './sprint-field';

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
  private readonly externals = new Map<string, ProgramItem>();
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
    const issue = readIssue(raw);
    if (!issue) {
      this.skipped++;
      return;
    }
    if (this.indexOf.has(issue.key)) return;
    const sprintIds = readSprintField(fieldValue(issue.fields, this.fieldMap.sprint), this.sprints, (s) =>
      this.sprints.set(s.id, s),
    );
    const item = normaliseIssue(issue, sprintIds, this.ctx);
    if (item.kind === 'impediment') {
      item.escalationHistory = escalationHistoryOf(
        issue.properties?.[this.ctx.config.impediments.historyProperty],
      );
    }
    this.indexOf.set(item.key, this.items.length);
    this.items.push(item);
    this.externals.delete(item.key);
    for (const link of readIssueLinks(issue.fields.issuelinks)) this.addLink(issue.key, link);
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
    if (!this.indexOf.has(other.key) && !this.externals.has(other.key)) {
      this.externals.set(other.key, externalItem(other, this.ctx.config.impediments.issueType));
    }
  }

  /** Adds an item for every linked issue the input did not contain, and returns the parts. */
  finish(): NormalisedParts {
    for (const [key, other] of [...this.externals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (this.indexOf.has(key)) continue;
      this.indexOf.set(key, this.items.length);
      this.items.push(other);
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

/** What a link tells about an issue outside the input: its key, summary, status and type. */
function externalItem(end: RawLinkEnd, impedimentType: string): ProgramItem {
  const f = objectAt(end.fields);
  const status = readStatus(f?.status);
  const issueType = readIssueType(f?.issuetype);
  const projectKey = projectKeyOf(end.key);
  return {
    key: end.key,
    summary: stringAt(f?.summary) ?? '',
    projectKey,
    team: projectKey,
    kind: kindOf(issueType, impedimentType),
    issueType: issueType?.name ?? 'Unknown',
    statusName: status?.name ?? 'Unknown',
    done: status?.categoryKey === 'done',
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
