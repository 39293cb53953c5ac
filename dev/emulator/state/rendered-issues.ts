/**
 * Issues serialised once, for the benchmark: Jira's servers render a page while the request travels and
 * on machines of their own, whereas this emulator shares the benchmark's cores with the app it measures.
 * So when asked (`prerender`), it serialises every issue's fields and links once, up front, and answers
 * the app's searches and bulk reads by joining those pieces: the same JSON as {@link renderIssue}, at a
 * fraction of the CPU. Only the app's view is kept (a user's differs by what they may see), and any
 * request that may change Jira drops every piece (a link shows the other issue's summary and status),
 * so a piece is never older than the data. The state must then change only through HTTP.
 */
import type { Caller } from '../access/caller';
import type { EmulatorState } from './emulator-state';
import { renderIssue, renderIssueLinks, selectsOnlyIdentifiers, type FieldSelection } from './issue-view';
import type { StoredIssue } from './stored-issue';

/** Replies whose body is JSON text already (served as it is; parsed only for a recorded exchange). */
export class RawJson {
  constructor(readonly text: string) {}
}

interface IssuePieces {
  /** `"expand":…,"id":…,"self":…,"key":…` */
  head: string;
  /** Each field's name (as JSON) and value (as JSON), in the issue's order; undefined values left out. */
  fields: Array<{ name: string; quotedName: string; json: string }>;
  /** The links as the app sees them. */
  links: string;
}

const EXPAND = 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations';
const APP: Caller = { kind: 'app' };

function wants(sel: FieldSelection, field: string): boolean {
  return !sel.exclude.has(field) && (sel.all || sel.include.has(field));
}

export class RenderedIssues {
  private readonly pieces = new Map<string, IssuePieces>();

  constructor(
    private readonly state: EmulatorState,
    private readonly baseUrl: string,
  ) {}

  /** Serialises every issue now (before the benchmark's clock starts). */
  warm(): void {
    for (const issue of this.state.issues.values()) this.piecesOf(issue);
  }

  /** Forgets every piece: the next request may have changed any issue or link. */
  clear(): void {
    this.pieces.clear();
  }

  /** The JSON text of `renderIssue(issue, sel, state, caller, baseUrl, { properties })`. */
  render(
    issue: StoredIssue,
    sel: FieldSelection,
    caller: Caller,
    properties: readonly string[] = [],
  ): string {
    if (caller.kind !== 'app' || (selectsOnlyIdentifiers(sel) && !sel.include.has('key'))) {
      return JSON.stringify(renderIssue(issue, sel, this.state, caller, this.baseUrl, { properties }));
    }
    const pieces = this.piecesOf(issue);
    let fields = '';
    for (const field of pieces.fields) {
      if (!wants(sel, field.name)) continue;
      fields += `${fields === '' ? '' : ','}${field.quotedName}:${field.json}`;
    }
    if (wants(sel, 'issuelinks')) fields += `${fields === '' ? '' : ','}"issuelinks":${pieces.links}`;
    const keys = properties.flatMap((p) => p.split(',')).filter((p) => p !== '');
    const own =
      keys.length === 0
        ? ''
        : `,"properties":${JSON.stringify(
            Object.fromEntries(
              keys.filter((k) => issue.properties.has(k)).map((k) => [k, issue.properties.get(k)]),
            ),
          )}`;
    return `{${pieces.head},"fields":{${fields}}${own}}`;
  }

  private piecesOf(issue: StoredIssue): IssuePieces {
    const known = this.pieces.get(issue.id);
    if (known) return known;
    const head = JSON.stringify({
      expand: EXPAND,
      id: issue.id,
      self: `${this.baseUrl}/rest/api/3/issue/${issue.id}`,
      key: issue.key,
    }).slice(1, -1);
    const fields: IssuePieces['fields'] = [];
    for (const [name, value] of Object.entries(issue.fields)) {
      // `issuelinks` is rendered from the link records (renderIssue sets it after the fields).
      const json: unknown = name === 'issuelinks' ? undefined : JSON.stringify(value);
      if (typeof json === 'string') fields.push({ name, quotedName: JSON.stringify(name), json });
    }
    const links = JSON.stringify(renderIssueLinks(issue, this.state, APP, this.baseUrl));
    const pieces = { head, fields, links };
    this.pieces.set(issue.id, pieces);
    return pieces;
  }
}
