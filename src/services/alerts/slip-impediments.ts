/**
 * `alerts.raiseImpediment` (docs/DOMAIN.md "Slip alerts"): for a dependency newly in conflict, the app
 * raises an Impediment at the Scrum of Scrums level (the ladder's second level) that blocks the
 * dependant, in the dependant's project, through the same creation as a person's raise. Once per
 * alert: the raise claim is keyed by the alert's id and taken by compare-and-set, so a re-run, a
 * retried consumer or two analyses racing find the claim and raise nothing more.
 */
import type { SlipAlert } from '../../domain/alerts/slip-alerts';
import type { ProgramConfig } from '../../domain/config/program-config';
import { projectKeyOf } from '../../domain/issue-key';
import type { JiraClient } from '../../jira/client';
import { claimRaise, readRaiseClaim } from '../../storage/raise-claims';
import { blockingLinkType, createImpediment } from '../impediments/create-impediment';
import { impedimentSettings } from '../impediments/impediment-context';
import { SLIP_ALERT_ACTOR } from '../impediments/impediment-detail';

/** Impediments raised per analysis: a burst of slips must not exhaust the consumer's time. */
export const MAX_IMPEDIMENTS_PER_RUN = 10;

/** A storage-safe request id per alert (KVS keys allow letters, digits and `:._-#`). */
export const slipRequestId = (alertId: string) =>
  `slip:${alertId.replace(/[^A-Za-z0-9:_-]/g, (c) => `.${c.charCodeAt(0).toString(16)}.`)}`;

export interface SlipImpedimentOutcome {
  /** Keys of the Impediment issues this run created. */
  created: string[];
  /** Alerts whose impediment an earlier run raised (or is raising) already. */
  existing: number;
  failed: number;
}

export async function raiseSlipImpediments(
  asApp: JiraClient,
  config: ProgramConfig,
  raised: readonly SlipAlert[],
  nowMs: number,
): Promise<SlipImpedimentOutcome> {
  const outcome: SlipImpedimentOutcome = { created: [], existing: 0, failed: 0 };
  const dependencies = raised.filter((a) => a.kind === 'dependency' && a.prerequisite !== null);
  if (dependencies.length === 0) return outcome;
  const settings = await impedimentSettings(config, asApp, nowMs);
  const level = settings.ladder[1]?.name;
  const link = await blockingLinkType(asApp, settings);
  for (const alert of dependencies.slice(0, MAX_IMPEDIMENTS_PER_RUN)) {
    const requestId = slipRequestId(alert.id);
    try {
      const earlier = await readRaiseClaim(SLIP_ALERT_ACTOR, requestId);
      if (earlier || !(await claimRaise(SLIP_ALERT_ACTOR, requestId))) {
        outcome.existing++;
        continue;
      }
      const reason = `Slip alert: ${alert.detail}`;
      const key = await createImpediment(
        { creator: asApp, asApp },
        settings,
        link,
        {
          actor: SLIP_ALERT_ACTOR,
          requestId,
          project: projectKeyOf(alert.key),
          summary: `${alert.key} waits for ${alert.prerequisite ?? ''}, which slipped`,
          reason,
          owner: undefined,
          blocks: [alert.key],
          // A ladder of one level has no Scrum of Scrums: the impediment stays at that level.
          escalation: level ? { to: level, reason } : undefined,
          auto: false,
        },
        nowMs,
      );
      outcome.created.push(key);
    } catch (error) {
      outcome.failed++;
      console.error(
        JSON.stringify({ event: 'slip-impediment-failed', alert: alert.id, error: String(error) }),
      );
    }
  }
  return outcome;
}
