/**
 * What the report CLI's `--data` reads: whatever people have at hand, not only the emulator's dataset.
 *  - one `POST /rest/api/3/search/jql` reply: `{ "issues": [...], "nextPageToken"?, "isLast"? }`;
 *  - a list of such pages: `[{ "issues": [...] }, ...]`;
 *  - a plain list of issues: `[{ "key": ..., "fields": {...} }, ...]`;
 *  - the full dataset (the emulator's format): its `sprints`, `fields`, `issueLinkTypes` and
 *    `issueProperties` are used when present; `projects`, `issueTypes` and `users` are not needed
 *    (the engine takes projects and issue types from the issues themselves).
 * An issue that cannot be read (not an object, no issue key, no `fields` object) is skipped with a
 * warning naming it; a collection of the wrong shape is an error naming it.
 */
import { readFileSync } from 'node:fs';
import type { ProgramInput } from '../../src/domain/analyse-program';

export class ReportInputError extends Error {
  override readonly name = 'ReportInputError';
  constructor(
    readonly field: string,
    detail: string,
  ) {
    super(`${field}: ${detail}`);
  }
}

export interface ReportInput {
  input: ProgramInput;
  /** One line per issue skipped, naming it. */
  warnings: string[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-\d+$/;

function describe(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/** Why `value` cannot be read as an issue, or undefined when it can. */
function unreadable(value: unknown): string | undefined {
  if (!isObject(value)) return `expected an issue object, got ${describe(value)}`;
  if (typeof value.key !== 'string') return 'key: expected string';
  if (!ISSUE_KEY.test(value.key)) return `key: "${value.key}" is not an issue key`;
  if (!isObject(value.fields)) return `fields: expected object, got ${describe(value.fields)}`;
  return undefined;
}

function readIssues(list: readonly unknown[], at: string, out: unknown[], warnings: string[]) {
  list.forEach((issue, i) => {
    const why = unreadable(issue);
    if (why === undefined) {
      out.push(issue);
      return;
    }
    const key = isObject(issue) && typeof issue.key === 'string' ? ` (${issue.key})` : '';
    warnings.push(`${at}[${i}]${key} skipped: ${why}`);
  });
}

function optionalList(doc: Json, name: string): unknown[] | undefined {
  const value = doc[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new ReportInputError(name, `expected array, got ${describe(value)}`);
  return value.map((item: unknown) => item);
}

/** The `issues` of a search page (`at` names the page, empty for the file's root). */
function pageIssues(page: unknown, at: string): unknown[] {
  if (!isObject(page)) throw new ReportInputError(at, `expected a search page object, got ${describe(page)}`);
  const issues = page.issues;
  if (!Array.isArray(issues)) {
    throw new ReportInputError(
      `${at}${at === '' ? '' : '.'}issues`,
      `expected array, got ${describe(issues)}`,
    );
  }
  return issues;
}

/** Reads any of the accepted shapes (see the module comment) from parsed JSON. */
export function readReportInput(doc: unknown): ReportInput {
  const issues: unknown[] = [];
  const warnings: string[] = [];
  if (Array.isArray(doc)) {
    // A list of pages if its first element is a page ({ issues: [...] }), otherwise a list of issues.
    const first: unknown = doc[0];
    if (isObject(first) && Array.isArray(first.issues) && first.fields === undefined) {
      doc.forEach((page, i) => readIssues(pageIssues(page, `[${i}]`), `[${i}].issues`, issues, warnings));
    } else {
      readIssues(doc, '', issues, warnings);
    }
    return { input: { issues }, warnings };
  }
  if (!isObject(doc))
    throw new ReportInputError('(root)', `expected an object or an array, got ${describe(doc)}`);
  readIssues(pageIssues(doc, ''), 'issues', issues, warnings);
  const properties = doc.issueProperties;
  if (properties !== undefined && !isObject(properties)) {
    throw new ReportInputError('issueProperties', `expected object, got ${describe(properties)}`);
  }
  return {
    input: {
      issues,
      sprints: optionalList(doc, 'sprints'),
      fields: optionalList(doc, 'fields'),
      issueLinkTypes: optionalList(doc, 'issueLinkTypes'),
      issueProperties: properties,
    },
    warnings,
  };
}

/** Reads and parses `file`; an unreadable file or bad JSON is an error naming the file. */
export function readReportFile(file: string): ReportInput {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ReportInputError(file, err instanceof Error ? err.message : String(err));
  }
  return readReportInput(doc);
}
