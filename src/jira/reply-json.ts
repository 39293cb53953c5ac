/**
 * Parses a reply's JSON from its bytes. A page of issues (search and bulk reads: `{"issues":[…],…}`, some
 * 200 KB for 100 issues) is parsed issue by issue: decoding the whole page first would make one string
 * over V8's 128 KB limit for ordinary objects, and such strings are allocated apart, page by page from
 * the system, which costs more than decoding and parsing them. The result is what `JSON.parse` gives
 * for the whole text: the pieces are the text's own bytes, each issue and the page around them are
 * parsed as JSON, so anything that is not valid JSON still throws. Any other reply, or a page this
 * reader does not recognise, is parsed whole.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
/** The issues' key as Jira writes it, without spaces. */
const ISSUES_KEY = Buffer.from('"issues":[');
const ISSUES_NAME = Buffer.from('"issues"');
/** The byte order mark a decoder drops (as `Response.text()` does). */
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const isSpace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/** The index just past the string whose opening quote is at `at`, or -1 when it does not end. */
function stringEnd(bytes: Buffer, at: number): number {
  let quote = bytes.indexOf(QUOTE, at + 1);
  while (quote >= 0) {
    let backslashes = 0;
    while (bytes[quote - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    quote = bytes.indexOf(QUOTE, quote + 1);
  }
  return -1;
}

/**
 * Where the array that opens at `open` ends, and where each of its elements starts and ends (pairs of
 * offsets); undefined when the bytes are not such an array (an empty element, no end).
 */
function arrayElements(bytes: Buffer, open: number): { spans: number[]; close: number } | undefined {
  const spans: number[] = [];
  let depth = 0;
  let start = -1;
  for (let i = open; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    if (byte === QUOTE) {
      if (depth === 1 && start < 0) start = i;
      const end = stringEnd(bytes, i);
      if (end < 0) return undefined;
      i = end - 1;
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      if (depth === 1 && start < 0) start = i;
      depth++;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      depth--;
      if (depth > 0) continue;
      if (start >= 0) spans.push(start, i);
      else if (spans.length > 0) return undefined;
      return { spans, close: i };
    } else if (depth === 1 && byte === COMMA) {
      if (start < 0) return undefined;
      spans.push(start, i);
      start = -1;
    } else if (depth === 1 && start < 0 && !isSpace(byte)) {
      start = i;
    }
  }
  return undefined;
}

/** Where `"issues":[` opens the array of the top-level object's `issues`, or -1. */
function issuesArrayAt(bytes: Buffer): number {
  const key = bytes.indexOf(ISSUES_KEY);
  if (key < 0) return -1;
  // The key must be one of the top-level object's: nothing before it opens a string or a nesting.
  let depth = 0;
  for (let i = 0; i < key; i++) {
    const byte = bytes[i] ?? 0;
    if (byte === QUOTE) {
      const end = stringEnd(bytes, i);
      if (end < 0 || end > key) return -1;
      i = end - 1;
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) depth++;
    else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) depth--;
  }
  return depth === 1 ? key + ISSUES_KEY.length - 1 : -1;
}

/** `JSON.parse` of the UTF-8 bytes (throws as it does on what is not JSON). */
export function parseJsonBytes(input: Uint8Array): unknown {
  let bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes.subarray(0, BOM.length).equals(BOM)) bytes = bytes.subarray(BOM.length);
  const open = issuesArrayAt(bytes);
  const array = open < 0 ? undefined : arrayElements(bytes, open);
  // A second top-level `issues` (JSON.parse keeps the last) is left to JSON.parse itself.
  const head = bytes.subarray(0, open - ISSUES_KEY.length + 1);
  const tail = array ? bytes.subarray(array.close + 1) : undefined;
  if (!array || !tail || head.includes(ISSUES_NAME) || tail.includes(ISSUES_NAME))
    return JSON.parse(bytes.toString('utf8'));
  const page: unknown = JSON.parse(`${bytes.toString('utf8', 0, open)}[]${tail.toString('utf8')}`);
  if (typeof page !== 'object' || page === null || Array.isArray(page)) return page;
  const issues: unknown[] = [];
  for (let k = 0; k < array.spans.length; k += 2) {
    issues.push(JSON.parse(bytes.toString('utf8', array.spans[k], array.spans[k + 1])));
  }
  return Object.assign(page, { issues });
}
