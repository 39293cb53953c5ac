/**
 * JQL built from values that came from config or payloads. Every value is validated against what Jira
 * allows for it and quoted, so no value can change the query's structure (no JQL injection).
 */
const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,19}$/;
const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,19}-[1-9][0-9]{0,9}$/;

export class UnsafeJqlValue extends Error {
  constructor(
    readonly field: string,
    readonly value: string,
  ) {
    super(`${field}: "${value}" is not a valid ${field === 'project' ? 'project key' : 'issue key'}`);
  }
}

function quotedList(field: string, values: readonly string[], pattern: RegExp): string {
  for (const value of values) {
    if (!pattern.test(value)) throw new UnsafeJqlValue(field, value);
  }
  return `(${values.map((v) => `"${v}"`).join(', ')})`;
}

export function projectIn(keys: readonly string[]): string {
  return `project in ${quotedList('project', keys, PROJECT_KEY)}`;
}

export function keyIn(keys: readonly string[]): string {
  return `key in ${quotedList('key', keys, ISSUE_KEY)}`;
}

export function parentIn(keys: readonly string[]): string {
  return `parent in ${quotedList('parent', keys, ISSUE_KEY)}`;
}
