/** The issue section's read: null for an issue that is not an impediment. */
import type { ProgramConfig } from '../../domain/config/program-config';
import type { ImpedimentDetail } from '../../shared/impediment-contract';
import type { JiraAccess } from '../jira-access';
import { impedimentDetail } from './impediment-detail';
import { impedimentSettings } from './impediment-context';
import { factsAndEditRight, loadIssueAsUser } from './read-impediment';

export async function getImpediment(
  access: JiraAccess,
  config: ProgramConfig,
  issueKey: string,
  nowMs: number,
): Promise<{ impediment: ImpedimentDetail | null }> {
  const settings = await impedimentSettings(config, access.asApp, nowMs);
  const loaded = await loadIssueAsUser(access.asUser, issueKey, settings);
  if (!loaded.isImpediment) return { impediment: null };
  const { facts, canEdit } = await factsAndEditRight(access.asUser, loaded, settings);
  return { impediment: await impedimentDetail(access.asApp, facts, settings, canEdit, nowMs) };
}
