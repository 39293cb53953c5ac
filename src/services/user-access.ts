/**
 * The projects the current user can browse, asked of Jira as that user and kept briefly in memory per
 * account (a warm Forge container serves many calls): the snapshot is built as the app, so every
 * resolver filters it through this before answering.
 */
import type { JiraClient } from '../jira/client';
import { listBrowsableProjects } from '../jira/reads';

const TTL_MS = 60_000;
const MAX_ACCOUNTS = 500;

interface Entry {
  until: number;
  projects: Map<string, string>;
}

const cache = new Map<string, Entry>();

/** Project key -> name of every project the user can browse. */
export async function browsableProjectsOf(
  asUser: JiraClient,
  accountId: string | undefined,
  now: number,
): Promise<Map<string, string>> {
  const cached = accountId === undefined ? undefined : cache.get(accountId);
  if (cached && cached.until > now) return cached.projects;
  const projects = new Map((await listBrowsableProjects(asUser)).map((p) => [p.key, p.name]));
  if (accountId !== undefined) {
    if (cache.size >= MAX_ACCOUNTS) cache.delete(cache.keys().next().value ?? '');
    cache.set(accountId, { until: now + TTL_MS, projects });
  }
  return projects;
}

/** For tests and for a user whose permissions just changed. */
export function forgetBrowsableProjects(): void {
  cache.clear();
}
