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

/** Replies whose body is JSON already (sent as these bytes; parsed only for a recorded exchange). */
export class RawJson {
  constructor(readonly bytes: Buffer) {}
}

interface IssuePieces {
  /** `{"expand":…,"id":…,"self":…,"key":…,"fields":{` */
  head: Buffer;
  /** Every field as `"name":value`, comma-separated, in the issue's order; undefined values left out. */
  fields: Buffer;
  /** Where each field is in `fields`: a run of wanted fields is sent as one slice. */
  spans: Array<{ name: string; start: number; end: number }>;
  /** `"issuelinks":[…]`, the links as the app sees them. */
  links: Buffer;
}

const EXPAND = 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations';
const APP: Caller = { kind: 'app' };
const COMMA = Buffer.from(',');
const CLOSE_FIELDS = Buffer.from('}');
const CLOSE_ISSUE = Buffer.from('}');

function wants(sel: FieldSelection, field: string): boolean {
  return !sel.exclude.has(field) && (sel.all || sel.include.has(field));
}

/**
 * A reply body assembled from byte pieces: one allocation and a copy per piece, never a string of the
 * whole page (strings over 128 KB are allocated apart by V8, which costs more than the copy).
 */
export function rawJson(parts: readonly Buffer[]): RawJson {
  return new RawJson(Buffer.concat(parts));
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

  /**
   * Appends to `out` the JSON of `renderIssue(issue, sel, state, caller, baseUrl, { properties })`,
   * as byte pieces.
   */
  render(
    out: Buffer[],
    issue: StoredIssue,
    sel: FieldSelection,
    caller: Caller,
    properties: readonly string[] = [],
  ): void {
    if (caller.kind !== 'app' || (selectsOnlyIdentifiers(sel) && !sel.include.has('key'))) {
      const opts = { properties };
      out.push(Buffer.from(JSON.stringify(renderIssue(issue, sel, this.state, caller, this.baseUrl, opts))));
      return;
    }
    const pieces = this.piecesOf(issue);
    out.push(pieces.head);
    let sent = false;
    let run: { start: number; end: number } | undefined;
    const sendRun = () => {
      if (!run) return;
      if (sent) out.push(COMMA);
      out.push(pieces.fields.subarray(run.start, run.end));
      sent = true;
      run = undefined;
    };
    for (const span of pieces.spans) {
      if (!wants(sel, span.name)) sendRun();
      else if (run) run.end = span.end;
      else run = { start: span.start, end: span.end };
    }
    sendRun();
    if (wants(sel, 'issuelinks')) {
      if (sent) out.push(COMMA);
      out.push(pieces.links);
    }
    out.push(CLOSE_FIELDS);
    const keys = properties.flatMap((p) => p.split(',')).filter((p) => p !== '');
    if (keys.length > 0) {
      const own = keys.filter((k) => issue.properties.has(k)).map((k) => [k, issue.properties.get(k)]);
      out.push(Buffer.from(`,"properties":${JSON.stringify(Object.fromEntries(own))}`));
    }
    out.push(CLOSE_ISSUE);
  }

  private piecesOf(issue: StoredIssue): IssuePieces {
    const known = this.pieces.get(issue.id);
    if (known) return known;
    const head = JSON.stringify({
      expand: EXPAND,
      id: issue.id,
      self: `${this.baseUrl}/rest/api/3/issue/${issue.id}`,
      key: issue.key,
    });
    const parts: string[] = [];
    const spans: IssuePieces['spans'] = [];
    let at = 0;
    for (const [name, value] of Object.entries(issue.fields)) {
      // `issuelinks` is rendered from the link records (renderIssue sets it after the fields).
      const json: unknown = name === 'issuelinks' ? undefined : JSON.stringify(value);
      if (typeof json !== 'string') continue;
      const part = `${JSON.stringify(name)}:${json}`;
      if (parts.length > 0) at += 1;
      spans.push({ name, start: at, end: at + Buffer.byteLength(part) });
      at += Buffer.byteLength(part);
      parts.push(part);
    }
    const links = JSON.stringify(renderIssueLinks(issue, this.state, APP, this.baseUrl));
    const pieces = {
      head: Buffer.from(`${head.slice(0, -1)},"fields":{`),
      fields: Buffer.from(parts.join(',')),
      spans,
      links: Buffer.from(`"issuelinks":${links}`),
    };
    this.pieces.set(issue.id, pieces);
    return pieces;
  }
}
