/**
 * The stored issue's shape (version {@link ISSUE_SHAPE}): Jira's field names and nesting, so that every
 * reader (the engine's normaliser, the views' facts, the snapshot's own bookkeeping) reads it as it
 * reads Jira, but each system field keeps only the attributes those readers read, and rich text keeps
 * only what readiness asks of it. Custom fields keep their value (the field resolution may read any
 * candidate). The analysis of a stored issue equals the analysis of the issue Jira sent
 * (test/snapshot/compact-issue-shape.test.ts).
 */
import { isRecord, MAX_FIELD_DEPTH, pickJson, toJson, type Json, type JsonObject } from './json-copy';

/** The version of the stored shape (a snapshot of another shape is rebuilt, never patched). */
export const ISSUE_SHAPE = 2;

/*
 * Each shape reads Jira's value itself (at `depth`, 1 for a field) and copies only what it keeps: the
 * same as copying the value without noise (json-copy.ts) and then picking, at a fraction of the
 * allocation (every system field of every issue of a full build passes here).
 */

const isJsonObject = (v: Json | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Status: its name and its category's key (new / indeterminate / done). */
function status(value: unknown, depth: number): Json | undefined {
  const out = pickJson(value, ['name'], depth);
  if (!isRecord(value) || !isJsonObject(out)) return out;
  const category = pickJson(value.statusCategory, ['key'], depth + 1);
  if (category !== undefined) out.statusCategory = category;
  return out;
}

const issueType = (value: unknown, depth: number) =>
  pickJson(value, ['name', 'hierarchyLevel', 'subtask'], depth);

/** A link's other end: its key and id, and the fields an issue outside the program is shown with. */
function linkEnd(value: unknown, depth: number): Json | undefined {
  const out = pickJson(value, ['id', 'key'], depth);
  if (!isRecord(value) || !isJsonObject(out)) return out;
  const fields = value.fields;
  if (isRecord(fields) && depth + 1 <= MAX_FIELD_DEPTH) {
    const kept: JsonObject = {};
    const summary = toJson(fields.summary, depth + 2);
    if (summary !== undefined) kept.summary = summary;
    const linkedStatus = status(fields.status, depth + 2);
    if (linkedStatus !== undefined) kept.status = linkedStatus;
    const type = issueType(fields.issuetype, depth + 2);
    if (type !== undefined) kept.issuetype = type;
    out.fields = kept;
  }
  return out;
}

function link(value: unknown, depth: number): Json | undefined {
  const out = pickJson(value, ['id'], depth);
  if (!isRecord(value) || !isJsonObject(out)) return out;
  const type = pickJson(value.type, ['id', 'name', 'inward', 'outward'], depth + 1);
  if (type !== undefined) out.type = type;
  const inward = linkEnd(value.inwardIssue, depth + 1);
  if (inward !== undefined) out.inwardIssue = inward;
  const outward = linkEnd(value.outwardIssue, depth + 1);
  if (outward !== undefined) out.outwardIssue = outward;
  return out;
}

/** Each item shaped (an item that cannot be copied is left out, as the plain copy leaves it out). */
function eachOf(shape: (item: unknown, depth: number) => Json | undefined) {
  return (value: unknown, depth: number): Json | undefined => {
    if (!Array.isArray(value) || depth > MAX_FIELD_DEPTH) return toJson(value, depth);
    const items: Json[] = [];
    for (const item of value) {
      const json = shape(item, depth + 1);
      if (json !== undefined) items.push(json);
    }
    return items;
  };
}

/** Fix versions matter only for their release date (an item's due date when it has none of its own). */
const fixVersions = eachOf((version, depth) =>
  isRecord(version) && typeof version.releaseDate === 'string'
    ? pickJson(version, ['releaseDate'], depth)
    : undefined,
);

const SYSTEM_SHAPES: Record<string, (value: unknown, depth: number) => Json | undefined> = {
  status,
  issuetype: issueType,
  project: (v, depth) => pickJson(v, ['id', 'key', 'name'], depth),
  parent: (v, depth) => pickJson(v, ['id', 'key'], depth),
  security: (v, depth) => pickJson(v, ['id'], depth),
  issuelinks: eachOf(link),
  fixVersions,
};

/**
 * A field's value as stored (undefined when JSON cannot hold it): reduced to what is read when it is a
 * system field the app knows, copied without noise otherwise.
 */
export function shapedField(name: string, value: unknown): Json | undefined {
  const shape = SYSTEM_SHAPES[name];
  return shape ? shape(value, 1) : toJson(value, 1);
}

/**
 * Headings and opening text of a block are compared on at most this many characters (a configured
 * acceptance-criteria heading longer than that is compared on its start).
 */
const BLOCK_TEXT_CHARS = 256;
/** Blocks (or plain-text lines) kept at most: a document with more candidates keeps the first ones. */
const MAX_BLOCKS = 100;

/** The text of a node and everything under it, in document order; a loop with a stack. */
function flatText(node: unknown): string {
  let text = '';
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    if (!isRecord(current)) continue;
    if (typeof current.text === 'string') text += current.text;
    const content = Array.isArray(current.content) ? current.content : [];
    for (let i = content.length - 1; i >= 0; i--) stack.push(content[i]);
  }
  return text;
}

/** The start of `text`; cut text ends in '…', so that trimming it never changes what it starts with. */
const startOf = (text: string) =>
  text.length <= BLOCK_TEXT_CHARS ? text : `${text.slice(0, BLOCK_TEXT_CHARS)}…`;

/**
 * What readiness reads of a rich-text value (domain/normalise/adf-text.ts): whether it has any text,
 * and whether a top-level block starts with the configured heading (a heading block) or with the
 * heading and a colon (any other block). An ADF document keeps its first block with text, its
 * headings and the blocks with a colon, each as a heading or a paragraph holding the start of its
 * text. Plain text (older payloads, where any line may be the heading) keeps the start of each line
 * with text. Read from Jira's value itself, so text nested deeper than the stored depth still counts;
 * undefined for a value of another kind (stored as it is).
 */
export function readinessText(value: unknown): Json | undefined {
  if (typeof value === 'string') {
    const lines = value.split('\n').filter((line) => /\S/.test(line));
    return lines.slice(0, MAX_BLOCKS).map(startOf).join('\n');
  }
  if (!isRecord(value) || !Array.isArray(value.content)) return undefined;
  const blocks: Json[] = [];
  for (const block of value.content) {
    if (blocks.length >= MAX_BLOCKS) break;
    const text = flatText(block).trim();
    const heading = isRecord(block) && block.type === 'heading';
    if (text === '' || (blocks.length > 0 && !heading && !text.includes(':'))) continue;
    blocks.push({
      type: heading ? 'heading' : 'paragraph',
      content: [{ type: 'text', text: startOf(text) }],
    });
  }
  const out: JsonObject = { type: 'doc', content: blocks };
  // Text on the document node itself counts as text (hasText reads it), though never as a heading.
  if (typeof value.text === 'string' && /\S/.test(value.text)) out.text = value.text.trim().slice(0, 1);
  return out;
}
