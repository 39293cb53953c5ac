/**
 * Applies changed and deleted issues to a snapshot's chunks: only the chunks that hold (or will hold)
 * a changed issue are read and rewritten under the new version; the rest are shared. Links that pointed
 * at a deleted issue are removed from the issues that still hold them.
 */
import { issueNumberOf, projectKeyOf } from '../../domain/issue-key';
import { ChunkWriter } from '../../storage/chunk-writer';
import type { ChunkRef, StoredIssue } from '../../storage/snapshot-schema';
import { readChunks } from '../../storage/snapshot-store';
import type { PartialReason } from '../../shared/contract';
import { fitIssue, trimWarning } from './fit-issue';

const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-\d+$/;

function holderOf(refs: readonly ChunkRef[], issueKey: string): ChunkRef | undefined {
  const project = projectKeyOf(issueKey);
  const number = issueNumberOf(issueKey);
  return refs.find(
    (c) => c.project === project && c.ranges.some(([from, to]) => number >= from && number <= to),
  );
}

function lastChunkOf(refs: readonly ChunkRef[], project: string): ChunkRef | undefined {
  return refs.filter((c) => c.project === project).at(-1);
}

interface LinkEnd {
  id?: unknown;
  key?: unknown;
}

function linkedEnds(issue: StoredIssue): LinkEnd[] {
  const links = issue.fields.issuelinks;
  if (!Array.isArray(links)) return [];
  return links.flatMap((link: unknown) => {
    if (typeof link !== 'object' || link === null) return [];
    const end: unknown =
      'outwardIssue' in link ? link.outwardIssue : 'inwardIssue' in link ? link.inwardIssue : undefined;
    return typeof end === 'object' && end !== null ? [end] : [];
  });
}

function withoutLinksTo(issue: StoredIssue, gone: ReadonlySet<string>): StoredIssue {
  const links = issue.fields.issuelinks;
  if (!Array.isArray(links) || gone.size === 0) return issue;
  const kept = links.filter((link: unknown) => {
    if (typeof link !== 'object' || link === null) return true;
    const end: unknown =
      'outwardIssue' in link ? link.outwardIssue : 'inwardIssue' in link ? link.inwardIssue : undefined;
    if (typeof end !== 'object' || end === null) return true;
    const id = 'id' in end ? String(end.id) : '';
    const key = 'key' in end ? String(end.key) : '';
    return !gone.has(id) && !gone.has(key);
  });
  return kept.length === links.length ? issue : { ...issue, fields: { ...issue.fields, issuelinks: kept } };
}

export async function applyChanges(
  refs: readonly ChunkRef[],
  version: string,
  upserts: readonly StoredIssue[],
  deletions: readonly string[],
): Promise<{ chunks: ChunkRef[]; warnings: PartialReason[] }> {
  if (upserts.length === 0 && deletions.length === 0) return { chunks: [...refs], warnings: [] };
  const affected = new Set<ChunkRef>();
  const touch = (ref: ChunkRef | undefined) => ref && affected.add(ref);
  upserts.forEach((u) => touch(holderOf(refs, u.key) ?? lastChunkOf(refs, projectKeyOf(u.key))));
  deletions.filter((d) => ISSUE_KEY.test(d)).forEach((d) => touch(holderOf(refs, d)));
  let loaded = await readChunks([...affected].map((r) => r.key));

  const gone = new Set(deletions);
  const deleted = [...loaded.values()]
    .flatMap((c) => c.issues)
    .filter((i) => gone.has(i.id) || gone.has(i.key));
  deleted.forEach((i) => [i.id, i.key].forEach((ref) => gone.add(ref)));
  // Jira removes a deleted issue's links without touching the other ends: find those ends ourselves.
  const before = affected.size;
  deleted.flatMap(linkedEnds).forEach((end) => {
    if (typeof end.key === 'string' && ISSUE_KEY.test(end.key)) touch(holderOf(refs, end.key));
  });
  if (affected.size > before) loaded = await readChunks([...affected].map((r) => r.key));

  const replaced = new Set(upserts.flatMap((u) => [u.id, u.key]));
  const writer = new ChunkWriter(version);
  const warnings: PartialReason[] = [];
  const add = (issue: StoredIssue) => {
    const fitted = fitIssue(withoutLinksTo(issue, gone), writer.maxIssueBytes);
    if (fitted) writer.add(fitted.issue, fitted.json);
    const warning = trimWarning(issue.key, fitted);
    if (warning) warnings.push(warning);
  };
  for (const chunk of loaded.values()) {
    chunk.issues.filter((i) => !gone.has(i.id) && !replaced.has(i.id) && !replaced.has(i.key)).forEach(add);
  }
  upserts.forEach(add);
  const rewritten = await writer.finish();
  return { chunks: [...refs.filter((r) => !affected.has(r)), ...rewritten], warnings };
}
