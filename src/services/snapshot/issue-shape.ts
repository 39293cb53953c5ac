/**
 * The stored issue's shape (version {@link ISSUE_SHAPE}): Jira's field names and nesting, so that every
 * reader (the engine's normaliser, the views' facts, the snapshot's own bookkeeping) reads it as it
 * reads Jira, but each system field keeps only the attributes those readers read, and rich text keeps
 * only what readiness asks of it. Custom fields keep their value (the field resolution may read any
 * candidate). The analysis of a stored issue equals the analysis of the issue Jira sent
 * (test/snapshot/compact-issue-shape.test.ts).
 */
export const ISSUE_SHAPE = 2;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
const isJsonObject = (v: Json | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isObject = (v: unknown): v is { [key: string]: unknown } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `value` with only `keys` (an object), or as it is (anything else: a reader may cope with it). */
function pick(value: Json, keys: readonly string[]): Json {
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const key of keys) {
    const v = value[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** Status: its name and its category's key (new / indeterminate / done). */
function status(value: Json): Json {
  if (!isJsonObject(value)) return value;
  const out = pick(value, ['name']);
  const category = value.statusCategory;
  if (isJsonObject(out) && category !== undefined) out.statusCategory = pick(category, ['key']);
  return out;
}

const issueType = (value: Json) => pick(value, ['name', 'hierarchyLevel', 'subtask']);

/** A link's other end: its key and id, and the fields an issue outside the program is shown with. */
function linkEnd(value: Json): Json {
  if (!isJsonObject(value)) return value;
  const out = pick(value, ['id', 'key']);
  const fields = value.fields;
  if (isJsonObject(out) && isJsonObject(fields)) {
    const kept: JsonObject = {};
    if (fields.summary !== undefined) kept.summary = fields.summary;
    if (fields.status !== undefined) kept.status = status(fields.status);
    if (fields.issuetype !== undefined) kept.issuetype = issueType(fields.issuetype);
    out.fields = kept;
  }
  return out;
}

function link(value: Json): Json {
  if (!isJsonObject(value)) return value;
  const out = pick(value, ['id', 'type']);
  if (!isJsonObject(out)) return out;
  if (out.type !== undefined) out.type = pick(out.type, ['id', 'name', 'inward', 'outward']);
  if (value.inwardIssue !== undefined) out.inwardIssue = linkEnd(value.inwardIssue);
  if (value.outwardIssue !== undefined) out.outwardIssue = linkEnd(value.outwardIssue);
  return out;
}

/** Fix versions matter only for their release date (an item's due date when it has none of its own). */
function fixVersions(value: Json): Json {
  if (!Array.isArray(value)) return value;
  return value
    .filter((v) => isJsonObject(v) && typeof v.releaseDate === 'string')
    .map((v) => pick(v, ['releaseDate']));
}

const SYSTEM_SHAPES: Record<string, (value: Json) => Json> = {
  status,
  issuetype: issueType,
  project: (v) => pick(v, ['id', 'key', 'name']),
  parent: (v) => pick(v, ['id', 'key']),
  security: (v) => pick(v, ['id']),
  issuelinks: (v) => (Array.isArray(v) ? v.map(link) : v),
  fixVersions,
};

/** A field's value as stored: reduced to what is read when it is a system field the app knows. */
export function shapedField(name: string, value: Json): Json {
  const shape = SYSTEM_SHAPES[name];
  return shape ? shape(value) : value;
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
    if (!isObject(current)) continue;
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
  if (!isObject(value) || !Array.isArray(value.content)) return undefined;
  const blocks: Json[] = [];
  for (const block of value.content) {
    if (blocks.length >= MAX_BLOCKS) break;
    const text = flatText(block).trim();
    const heading = isObject(block) && block.type === 'heading';
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
