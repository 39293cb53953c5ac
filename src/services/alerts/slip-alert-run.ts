/**
 * Records an analysis's slips as alerts (docs/DOMAIN.md "Slip alerts") and acts on the new ones. The
 * state is written by compare-and-set before anything is sent: when two analyses race, the one whose
 * write wins sends the notifications, the other re-reads and finds the slip seen already, so a slip
 * alerts once. Sending is best effort: a Jira failure is logged and the alert stays recorded. The
 * same holds for raising impediments (`alerts.raiseImpediment`, slip-impediments.ts), which also
 * claims each alert's raise, so a retried run raises nothing twice.
 */
import { reconcileSlips, type Slip, type SlipAlert } from '../../domain/alerts/slip-alerts';
import type { ProgramConfig } from '../../domain/config/program-config';
import { JiraClient } from '../../jira/client';
import { forgeTransport } from '../../jira/forge-transport';
import { retryPolicyFor } from '../../jira/retry-policy';
import { notifyAssignee } from '../../jira/notify-requests';
import { readSlipAlerts, writeSlipAlerts } from '../../storage/slip-alerts';
import { raiseSlipImpediments } from './slip-impediments';

const WRITE_ATTEMPTS = 3;
/** Notifications per analysis: a burst of slips must not exhaust the consumer's time or Jira's rate. */
export const MAX_NOTIFIED_PER_RUN = 20;

export interface SlipAlertOutcome {
  raised: number;
  resolved: number;
  open: number;
  notified: number;
  /** Keys of the Impediment issues raised for this run's new dependency slips. */
  impediments: string[];
}

export async function runSlipAlerts(
  asApp: JiraClient,
  slips: readonly Slip[],
  config: ProgramConfig,
  nowIso: string,
): Promise<SlipAlertOutcome | undefined> {
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
    const stored = await readSlipAlerts();
    const changes = reconcileSlips(stored?.body, slips, nowIso);
    if (!(await writeSlipAlerts(stored?.version ?? 0, changes.next))) continue;
    const notified = config.alerts.notify ? await notifyAll(asApp, changes.raised) : 0;
    const impediments = config.alerts.raiseImpediment
      ? (await raiseSlipImpediments(asApp, config, changes.raised, Date.parse(nowIso))).created
      : [];
    return {
      raised: changes.raised.length,
      resolved: changes.resolved.length,
      open: changes.next.open.length,
      notified,
      impediments,
    };
  }
  // Another analysis kept winning: it recorded (and announced) what it saw, which is newer than ours.
  return undefined;
}

async function notifyAll(asApp: JiraClient, raised: readonly SlipAlert[]): Promise<number> {
  let sent = 0;
  for (const alert of raised.slice(0, MAX_NOTIFIED_PER_RUN)) {
    const subject =
      alert.kind === 'dependency'
        ? `Dependency slipped: ${alert.key} needs ${alert.prerequisite ?? ''}`
        : `Epic ${alert.key} will likely miss its due date`;
    // Both sides of a dependency: the dependant's and the prerequisite's assignees.
    for (const key of alert.prerequisite === null ? [alert.key] : [alert.key, alert.prerequisite]) {
      try {
        await notifyAssignee(asApp, key, subject, alert.detail);
        sent++;
      } catch (error) {
        console.error(
          JSON.stringify({ event: 'slip-notify-failed', alert: alert.id, key, error: String(error) }),
        );
      }
    }
  }
  return sent;
}

/** The consumer's step after an analysis: never fails the analysis it follows, and says what it did. */
export async function slipAlertsLogged(
  slips: readonly Slip[],
  config: ProgramConfig,
  nowIso: string,
): Promise<void> {
  const asApp = new JiraClient(forgeTransport('app'), { policy: retryPolicyFor('consumer') });
  try {
    const outcome = await runSlipAlerts(asApp, slips, config, nowIso);
    console.log(JSON.stringify({ event: 'slip-alerts', slips: slips.length, ...outcome }));
  } catch (error) {
    console.error(JSON.stringify({ event: 'slip-alerts-failed', error: String(error) }));
  }
}
