import { readFileSync } from 'node:fs';
import { DatasetSchema, type Dataset } from './schema';

/** A dataset that does not match the documented shape; the message names the bad element's path. */
export class DatasetError extends Error {
  override readonly name = 'DatasetError';
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

/** Parses a dataset object or JSON file, rejecting it with the first bad element's path. */
export function loadDataset(fileOrObject: unknown): Dataset {
  let raw: unknown = fileOrObject;
  if (typeof fileOrObject === 'string') {
    try {
      raw = JSON.parse(readFileSync(fileOrObject, 'utf8'));
    } catch (err) {
      throw new DatasetError(
        `${fileOrObject}: ${err instanceof Error ? err.message : String(err)}`,
        '(file)',
      );
    }
  }
  const parsed = DatasetSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (!issue) throw new DatasetError('(root): invalid dataset', '(root)');
  const path = formatPath(issue.path);
  const detail = issue.code === 'invalid_type' ? `expected ${issue.expected}` : issue.message;
  throw new DatasetError(`${path}: ${detail}`, path);
}

export type { Dataset };
