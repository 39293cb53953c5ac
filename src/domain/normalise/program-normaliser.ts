/**
 * Builds the {@link ProgramModel} issue by issue, so a caller can feed a snapshot page by page and
 * never hold every raw issue at once (Forge gives 512 MB); nothing of a raw issue is kept. Links are
 * deduplicated by link id (Jira lists a link on both issues) and stored as item indexes: a linked
 * issue not seen yet gets a placeholder item, replaced when the issue itself arrives, and left as an
 * external item when it never does. Placeholders are one shared sentinel until finish(): most linked
 * issues arrive later, so building their external item up front was wasted work.
 */
import { fieldMapOf, type FieldResolution } from '../config/field-resolution';
import type { ProgramConfig } from '../config/program-config';
import type { ProgramItem, ProgramSprint } from '../model/program-model';
import { escalationHistoryOf } from './escalation-history';
import { externalItem, PendingExternals } from './external-item';
import { fieldValue } from './jira-values';
import type { JsonObject } from './json-guards';
import { linkPolarityFor, type PolarityOf } from './link-direction';
import { normaliseIssue, type NormaliseContext } from './normalise-issue';
import { IdSet, linkIdNumber } from './id-set';
import { readSprint, readSprintField } from './sprint-field';

/** Dependency links as parallel arrays of item indexes: `linkTo[i]` needs `linkFrom[i]`. */
export interface RawLinks {
  from: number[];
  to: number[];
  type: string[];
}

export interface NormalisedParts {
  items: ProgramItem[];
  indexOf: Map<string, number>;
  sprints: Map<number, ProgramSprint>;
  links: RawLinks;
  fieldResolution: FieldResolution;
  warnings: string[];
}

// Local copies of the json-guards readers: these run for every issue and link end, and a call through
// an imported binding costs a getter per call under CommonJS interop (a bundle would inline them).
function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function objectAt(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}
function stringAt(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
const NO_FIELDS: JsonObject = {};
/** The shared stand-in for a linked issue not seen yet (compared by identity, never output). */
const PLACEHOLDER: ProgramItem = externalItem('', '', 'Unknown', false, 'Unknown', 'backlog');

export class ProgramNormaliser {
  private readonly items: ProgramItem[] = [];
  private readonly indexOf = new Map<string, number>();
  private readonly pending = new PendingExternals();
  private readonly sprints = new Map<number, ProgramSprint>();
  private readonly links: RawLinks = { from: [], to: [], type: [] };
  /** Jira link ids are numeric strings; numbers hash faster, other ids go to the string set. */
  private readonly seenLinkIds = new IdSet();
  private readonly seenLinks = new Set<string>();
  private readonly warnings: string[] = [];
  private skipped = 0;
  private readonly ctx: NormaliseContext;
  private readonly polarityOf: PolarityOf;
  /** One callback for every issue, not a closure allocated per issue. */
  private readonly learnSprint = (sprint: ProgramSprint): void => {
    this.sprints.set(sprint.id, sprint);
  };

  private readonly fieldMap;

  constructor(
    config: ProgramConfig,
    private readonly fieldResolution: FieldResolution,
  ) {
    this.fieldMap = fieldMapOf(fieldResolution);
    this.ctx = {
      config,
      fieldMap: this.fieldMap,
      pointsByProject: new Map(fieldResolution.storyPointsByProject.map((p) => [p.project, p.id])),
      programProjects: new Set(config.projects),
    };
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
    // Read in place (as readIssue would), no wrapper object per issue; only `key` is required.
    const issue = objectAt(raw);
    const key = stringAt(issue?.key);
    if (!issue || !key) {
      this.skipped++;
      return;
    }
    let index = this.indexOf.get(key);
    if (index !== undefined && this.items[index] !== PLACEHOLDER) return;
    const fields = objectAt(issue.fields) ?? NO_FIELDS;
    const sprintField = fieldValue(fields, this.fieldMap.sprint);
    const sprintIds = readSprintField(sprintField, this.sprints, this.learnSprint);
    const item = normaliseIssue(key, fields, sprintIds, this.ctx);
    if (item.kind === 'impediment') {
      const property = objectAt(issue.properties)?.[this.ctx.config.impediments.historyProperty];
      item.escalationHistory = escalationHistoryOf(property);
    }
    if (index === undefined) {
      index = this.items.length;
      this.indexOf.set(item.key, index);
      this.items.push(item);
    } else {
      this.items[index] = item;
    }
    this.addLinks(index, item.key, fields.issuelinks);
  }

  /** On issue X, `outwardIssue: Y` means "X <outward phrase> Y" (Jira's link JSON). */
  private addLinks(holder: number, holderKey: string, issuelinks: unknown): void {
    if (!Array.isArray(issuelinks)) return;
    for (const value of issuelinks) {
      const entry = objectAt(value);
      if (!entry) continue;
      const type = this.polarityOf(objectAt(entry.type));
      const outward = objectAt(entry.outwardIssue);
      const end = outward ?? objectAt(entry.inwardIssue);
      const otherKey = stringAt(end?.key);
      if (!type || !end || !otherKey) continue;
      if (this.seen(stringAt(entry.id), holderKey, otherKey, outward !== undefined, type.name)) continue;
      const other = this.indexFor(otherKey, end.fields);
      const holderIsSource = outward !== undefined;
      const sourceProvides = type.polarity === 'source-provides';
      const holderProvides = holderIsSource === sourceProvides;
      this.links.from.push(holderProvides ? holder : other);
      this.links.to.push(holderProvides ? other : holder);
      this.links.type.push(type.name);
    }
  }

  /** Whether the link was recorded already (from its other issue); records it otherwise. */
  private seen(
    id: string | undefined,
    holder: string,
    other: string,
    outward: boolean,
    type: string,
  ): boolean {
    const numeric = id === undefined ? Number.NaN : linkIdNumber(id);
    if (Number.isSafeInteger(numeric)) return this.seenLinkIds.testAndSet(numeric);
    // Without an id, the same link seen from its other issue has the ends and direction swapped.
    const key = id ?? (outward ? `${holder}>${other}|${type}` : `${other}>${holder}|${type}`);
    if (this.seenLinks.has(key)) return true;
    this.seenLinks.add(key);
    return false;
  }

  private indexFor(key: string, linkedFields: unknown): number {
    const known = this.indexOf.get(key);
    if (known !== undefined) return known;
    const index = this.items.length;
    this.items.push(PLACEHOLDER);
    this.indexOf.set(key, index);
    this.pending.add(index, key, linkedFields, this.ctx.config.impediments.issueType);
    return index;
  }

  /** The parts; placeholders never filled by an issue stay as external items. */
  finish(): NormalisedParts {
    this.seenLinks.clear();
    this.seenLinkIds.clear();
    this.pending.fill(this.items, PLACEHOLDER);
    if (this.skipped > 0) this.warnings.push(`${this.skipped} issue(s) without a key were skipped`);
    return {
      items: this.items,
      indexOf: this.indexOf,
      sprints: this.sprints,
      links: this.links,
      fieldResolution: this.fieldResolution,
      warnings: this.warnings,
    };
  }
}
