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
/**
 * The walks' stack, reused with its own top: hasText runs for every open item's description (57k at
 * 100k issues), and emptying an array by `length = 0` frees its storage, so each call grew a new one.
 * Popped slots are cleared, so no raw node is kept after a walk.
 */
const stack: unknown[] = [];
let top = 0;
function pop(): unknown {
  const node = stack[--top];
  stack[top] = undefined;
  return node;
}
function clear(): void {
  while (top > 0) stack[--top] = undefined;
}

/**
 * The character code of the first non-blank character of an ADF node's flattened text, in document
 * order (the order textOf reads), or -1 when it has none; the walk stops there.
 */
function firstNonBlankCode(node: unknown): number {
  clear();
  stack[top++] = node;
  while (top > 0) {
    const current = pop();
    if (!isNode(current)) continue;
    const { text, content } = current;
    const at = typeof text === 'string' ? text.search(NON_BLANK) : -1;
    if (typeof text === 'string' && at >= 0) {
      clear();
      return text.charCodeAt(at);
    }
    // Children in reverse, so they pop in document order.
    if (Array.isArray(content)) for (let i = content.length - 1; i >= 0; i--) stack[top++] = content[i];
  }
  return -1;
}

/** Whether a rich-text value (ADF or plain text) has any non-blank text; stops at the first. */
export function hasText(value: unknown): boolean {
  return typeof value === 'string' ? NON_BLANK.test(value) : firstNonBlankCode(value) >= 0;
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
  const code = firstNonBlankCode(block);
  // No text at all: the trimmed text is empty, and a non-empty heading cannot start it.
  if (code < 0) return true;
  if (code >= 128) return false;
  const lower = code >= 65 && code <= 90 ? code + 32 : code;
  return lower !== first;
}

/**
 * Whether a description carries an acceptance-criteria section: an ADF heading starting with `heading`,
 * a paragraph starting with `heading:`, or a wiki/Markdown heading line (`h3. ...`, `## ...`).
 */
export function hasHeading(value: unknown, heading: string): boolean {
  const wanted = lowerCase(heading);
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
  const blocks = arrayAt(value.content);
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    if (cannotStartWith(block, first)) continue;
    const text = textOf(block).trim().toLowerCase();
    const found =
      isObject(block) && block.type === 'heading' ? text.startsWith(wanted) : text.startsWith(`${wanted}:`);
    if (found) return true;
  }
  return false;
}

/** The heading in lower case, made once per heading (it is the same for every issue of a program). */
let lowered = { from: '', to: '' };
function lowerCase(heading: string): string {
  if (lowered.from !== heading) lowered = { from: heading, to: heading.toLowerCase() };
  return lowered.to;
}
