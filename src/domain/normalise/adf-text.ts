/**
 * What readiness needs from a rich-text field: is there any text, and does it carry a given heading?
 * Jira Cloud v3 sends Atlassian Document Format (ADF: nodes with `type`, `text`, `content`); older
 * payloads and some apps send plain or wiki text. The walk is iterative, so a deeply nested document
 * cannot overflow the stack.
 */
import { arrayAt, isObject, stringAt, type JsonObject } from './json-guards';

/** The flattened text of one ADF node and everything under it. */
function textOf(node: unknown): string {
  let text = '';
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    if (!isObject(current)) continue;
    text += stringAt(current.text) ?? '';
    const content = arrayAt(current.content);
    for (let i = content.length - 1; i >= 0; i--) stack.push(content[i]);
  }
  return text;
}

const NON_BLANK = /\S/;
// Local copy of the json-guards reader: an imported binding costs a getter per call under CommonJS.
function isNode(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The walk's stack, reused: hasText runs for every open item's description (57k at 100k issues). */
const pending: unknown[] = [];

/** Whether a rich-text value (ADF or plain text) has any non-blank text; stops at the first. */
export function hasText(value: unknown): boolean {
  if (typeof value === 'string') return NON_BLANK.test(value);
  pending.length = 0;
  pending.push(value);
  while (pending.length > 0) {
    const node = pending.pop();
    if (!isNode(node)) continue;
    const { text, content } = node;
    if (typeof text === 'string' && NON_BLANK.test(text)) {
      pending.length = 0;
      return true;
    }
    if (Array.isArray(content)) for (let i = 0; i < content.length; i++) pending.push(content[i]);
  }
  return false;
}

/**
 * Whether the block's flattened, trimmed, lower-cased text cannot start with the character code
 * `first` (NaN: the heading is empty, anything can), found from its first non-blank character alone,
 * without building the text: most descriptions open with something else than the heading. Only an
 * ASCII first character decides (its lower case is one code unit whatever follows); any other, or an
 * empty heading, leaves the answer to the full comparison.
 */
function cannotStartWith(block: unknown, first: number): boolean {
  if (Number.isNaN(first)) return false;
  pending.length = 0;
  pending.push(block);
  while (pending.length > 0) {
    const node = pending.pop();
    if (!isNode(node)) continue;
    const { text, content } = node;
    const at = typeof text === 'string' ? text.search(NON_BLANK) : -1;
    if (typeof text === 'string' && at >= 0) {
      pending.length = 0;
      const code = text.charCodeAt(at);
      if (code >= 128) return false;
      const lower = code >= 65 && code <= 90 ? code + 32 : code;
      return lower !== first;
    }
    // Children in reverse, so they pop in document order (the order textOf reads them in).
    if (Array.isArray(content)) for (let i = content.length - 1; i >= 0; i--) pending.push(content[i]);
  }
  // No text at all: the trimmed text is empty, and a non-empty heading cannot start it.
  return true;
}

/**
 * Whether a description carries an acceptance-criteria section: an ADF heading starting with `heading`,
 * a paragraph starting with `heading:`, or a wiki/Markdown heading line (`h3. ...`, `## ...`).
 */
export function hasHeading(value: unknown, heading: string): boolean {
  const wanted = heading.toLowerCase();
  if (typeof value === 'string') {
    return value
      .split('\n')
      .map((line) =>
        line
          .trim()
          .replace(/^(h[1-6]\.|#{1,6})\s*/i, '')
          .toLowerCase(),
      )
      .some((line) => line.startsWith(wanted));
  }
  if (!isObject(value)) return false;
  const first = wanted.charCodeAt(0);
  return arrayAt(value.content).some((block) => {
    if (cannotStartWith(block, first)) return false;
    const text = textOf(block).trim().toLowerCase();
    return isObject(block) && block.type === 'heading'
      ? text.startsWith(wanted)
      : text.startsWith(`${wanted}:`);
  });
}
