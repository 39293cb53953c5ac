/**
 * The first escalation of a flagged item (issue 10, "What to build" 4): a flag is a Team-level
 * impediment with no issue of its own, so escalating it raises an Impediment issue that blocks the
 * flagged item, with its history saying it was raised at Team and escalated one level up, by this
 * user and for this reason. From there it climbs the ladder like any other impediment.
 */
import type { ProgramConfig } from '../../domain/config/program-config';
import type { MovePayload, MoveResult } from '../../shared/impediment-contract';
import { ImpedimentRecordSchema } from '../../storage/analysis-schema';
import { partsOf, readParts, readAnalysisManifest } from '../../storage/analysis-store';
import type { JiraAccess } from '../jira-access';
import { getImpediment } from './get-impediment';
import { raiseImpediment } from './raise-impediment';

/** Whether the last analysis counted the item as flagged (Jira's Flagged field says "Impediment"). */
export async function isFlaggedItem(issueKey: string): Promise<boolean> {
  const manifest = await readAnalysisManifest();
  if (!manifest) return false;
  const open = await readParts(partsOf(manifest, 'impediments'), ImpedimentRecordSchema);
  return open.some((i) => i.key === issueKey && i.source === 'flag');
}

export async function escalateFlaggedItem(
  access: JiraAccess,
  config: ProgramConfig,
  payload: MovePayload,
  summary: string,
  accountId: string,
  nowMs: number,
): Promise<MoveResult> {
  const raised = await raiseImpediment(
    access,
    config,
    {
      blocks: [payload.issueKey],
      summary: `Impediment: ${summary}`.slice(0, 255),
      reason: `${payload.issueKey} was flagged as an impediment.`,
      owner: accountId,
      requestId: payload.requestId,
    },
    accountId,
    nowMs,
    { reason: payload.reason },
  );
  const { impediment } = await getImpediment(access, config, raised.issueKey, nowMs);
  if (!impediment) throw new Error(`${raised.issueKey} was created but is not an impediment`);
  return {
    outcome: raised.outcome === 'created' ? 'applied' : 'already-applied',
    message: `${payload.issueKey} was flagged: ${raised.message}`,
    // Raising records the raise and the first escalation in one create: no effect is left to finish.
    unfinished: [],
    impediment,
  };
}
