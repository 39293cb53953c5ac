/**
 * The benchmark's Jira-shaped payload: a synthetic program (dev/emulator) with about 2 links per issue
 * (each link shows on both of its issues, as Jira lists it) and one project per 500 issues (200 at
 * 100k). Written as `search/jql` pages of 100 issues, the way the gateway reads and stores them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { syntheticProgram } from '../../emulator';

export const PAGE_SIZE = 100;
const SITE = 'https://metascrum-demo.atlassian.net';
const BLOCKS = {
  id: '10000',
  name: 'Blocks',
  inward: 'is blocked by',
  outward: 'blocks',
  self: `${SITE}/rest/api/3/issueLinkType/10000`,
};

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Issue {
  id: string;
  key: string;
  fields: { summary: string; status: unknown; issuetype: unknown; issuelinks?: unknown[] | undefined };
}

function ref(issue: Issue) {
  const { summary, status, issuetype } = issue.fields;
  return {
    id: issue.id,
    key: issue.key,
    self: `${SITE}/rest/api/3/issue/${issue.id}`,
    fields: { summary, status, issuetype },
  };
}

/** Adds Blocks links (half within a team, half across) until there are about as many links as issues. */
function addLinks(issues: Issue[], existing: number, seed: number): number {
  const random = rng(seed);
  const window = 500;
  let links = existing;
  for (let id = 30001; links < issues.length; id++) {
    const a = Math.floor(random() * issues.length);
    const near = Math.min(issues.length - 1, Math.max(0, a + Math.floor((random() - 0.5) * window)));
    const b = random() < 0.5 ? near : Math.floor(random() * issues.length);
    const from = issues[a];
    const to = issues[b];
    if (!from || !to || a === b) continue;
    const link = { id: String(id), self: `${SITE}/rest/api/3/issueLink/${id}`, type: BLOCKS };
    (from.fields.issuelinks ??= []).push({ ...link, outwardIssue: ref(to) });
    (to.fields.issuelinks ??= []).push({ ...link, inwardIssue: ref(from) });
    links++;
  }
  return links;
}

export interface BenchPayload {
  dir: string;
  pages: number;
  issues: number;
  links: number;
}

/** Writes `meta.json` (fields, sprints, link types, issue properties) and `page-<n>.json` files. */
export function writeBenchPayload(dir: string, size: number, seed = 1): BenchPayload {
  const teams = Math.max(5, Math.round(size / 500));
  const program = syntheticProgram({ issues: size, teams, seed });
  const issues: Issue[] = program.issues;
  const initial = new Set(
    issues.flatMap((i) =>
      (i.fields.issuelinks ?? []).flatMap((l) =>
        typeof l === 'object' && l !== null && 'id' in l ? [String(l.id)] : [],
      ),
    ),
  ).size;
  const links = addLinks(issues, initial, seed + 1);
  mkdirSync(dir, { recursive: true });
  const meta = {
    fields: program.fields,
    sprints: program.sprints,
    issueLinkTypes: program.issueLinkTypes,
    issueProperties: program.issueProperties,
  };
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta));
  let pages = 0;
  for (let start = 0; start < issues.length; start += PAGE_SIZE, pages++) {
    const page = {
      issues: issues.slice(start, start + PAGE_SIZE),
      isLast: start + PAGE_SIZE >= issues.length,
    };
    writeFileSync(join(dir, `page-${pages}.json`), JSON.stringify(page));
  }
  return { dir, pages, issues: issues.length, links };
}
