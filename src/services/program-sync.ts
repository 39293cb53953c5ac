/**
 * The background sync run by the queue consumer, as the app: it reads the configured program and
 * records what it saw, so the admin page can show when the app last reached Jira and how much it read.
 */
import type { JiraClient } from '../jira/client';
import { listBrowsableProjects } from '../jira/reads';
import { summarizeEpics } from '../domain/program/program-summary';
import type { ProgramSync } from '../shared/contract';
import { readProgramSettings } from '../storage/program-settings';
import { writeProgramSummary } from '../storage/program-summary';
import { loadProgramItems } from './program-issues';

export type SyncReason = ProgramSync['reason'];

export async function syncProgram(asApp: JiraClient, reason: SyncReason, now: Date): Promise<ProgramSync> {
  const settings = await readProgramSettings();
  const projectKeys = settings?.projectKeys ?? (await listBrowsableProjects(asApp)).map((p) => p.key);
  const items = await loadProgramItems(asApp, projectKeys);
  const summary: ProgramSync = {
    at: now.toISOString(),
    reason,
    projectCount: projectKeys.length,
    issueCount: items.length,
    epicCount: summarizeEpics(items).length,
  };
  await writeProgramSummary(summary);
  return summary;
}
