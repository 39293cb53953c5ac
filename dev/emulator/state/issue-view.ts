import { canSeeIssue, type Caller } from '../access/caller';
import type { EmulatorState } from './emulator-state';
import type { StoredIssue } from './stored-issue';

/** Which fields a reply carries, from Jira's `fields` parameter (`*all`, `*navigable`, ids, `-id`). */
export interface FieldSelection {
  all: boolean;
  include: ReadonlySet<string>;
  exclude: ReadonlySet<string>;
}

export function parseFieldSelection(fields: readonly string[] | undefined, fallback: string): FieldSelection {
  const items = (fields && fields.length > 0 ? fields : [fallback])
    .flatMap((f) => f.split(','))
    .map((f) => f.trim())
    .filter((f) => f !== '');
  const all = items.includes('*all') || items.includes('*navigable');
  const include = new Set(items.filter((f) => !f.startsWith('-') && !f.startsWith('*')));
  const exclude = new Set(items.filter((f) => f.startsWith('-')).map((f) => f.slice(1)));
  return { all, include, exclude };
}

/** Only `id` (and `key`, which is no field) asked for: the cheap kind of search that Jira pages by 5000. */
export function selectsOnlyIdentifiers(sel: FieldSelection): boolean {
  return !sel.all && [...sel.include].every((f) => f === 'id' || f === 'key');
}

function wants(sel: FieldSelection, field: string): boolean {
  return !sel.exclude.has(field) && (sel.all || sel.include.has(field));
}

function linkedIssueRef(issue: StoredIssue, baseUrl: string) {
  const { summary, status, issuetype, priority } = issue.fields;
  return {
    id: issue.id,
    key: issue.key,
    self: `${baseUrl}/rest/api/3/issue/${issue.id}`,
    fields: { summary, status, issuetype, ...(priority === undefined ? {} : { priority }) },
  };
}

/** The issue's links as this caller may see them: links to issues they cannot browse are left out. */
export function renderIssueLinks(issue: StoredIssue, state: EmulatorState, caller: Caller, baseUrl: string) {
  const out: Record<string, unknown>[] = [];
  for (const linkId of state.linksByIssue.get(issue.id) ?? []) {
    const link = state.links.get(linkId);
    if (!link) continue;
    const outward = link.fromId === issue.id;
    const other = state.issues.get(outward ? link.toId : link.fromId);
    if (!other || !canSeeIssue(caller, other)) continue;
    const type = state.linkTypes.find((t) => t.id === link.typeId);
    out.push({
      id: link.id,
      self: `${baseUrl}/rest/api/3/issueLink/${link.id}`,
      type: type && {
        id: type.id,
        name: type.name,
        inward: type.inward,
        outward: type.outward,
        self: `${baseUrl}/rest/api/3/issueLinkType/${type.id}`,
      },
      [outward ? 'outwardIssue' : 'inwardIssue']: linkedIssueRef(other, baseUrl),
    });
  }
  return out;
}

export interface RenderOptions {
  properties?: readonly string[];
}

/** An issue bean as Jira's search, bulkfetch and GET issue return it. */
export function renderIssue(
  issue: StoredIssue,
  sel: FieldSelection,
  state: EmulatorState,
  caller: Caller,
  baseUrl: string,
  opts: RenderOptions = {},
): Record<string, unknown> {
  const propertyKeys = (opts.properties ?? []).flatMap((p) => p.split(',')).filter((p) => p !== '');
  const properties =
    propertyKeys.length === 0
      ? {}
      : {
          properties: Object.fromEntries(
            propertyKeys.filter((k) => issue.properties.has(k)).map((k) => [k, issue.properties.get(k)]),
          ),
        };
  if (selectsOnlyIdentifiers(sel) && !sel.include.has('key')) return { id: issue.id, ...properties };
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(issue.fields)) if (wants(sel, name)) fields[name] = value;
  if (wants(sel, 'issuelinks')) fields.issuelinks = renderIssueLinks(issue, state, caller, baseUrl);
  return {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: `${baseUrl}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
    fields,
    ...properties,
  };
}
