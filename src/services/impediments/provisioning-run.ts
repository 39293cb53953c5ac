/**
 * One provisioning run with its record on the admin page: `running` while it works, then its result.
 * A 401/403 (right after install the app's grants may not be active yet) becomes
 * `waiting-for-permission` while the caller will retry, and `failed` with manual steps when it won't.
 */
import { tickingFrom } from '../../clock';
import type { ProgramConfig } from '../../domain/config/program-config';
import type { JiraClient } from '../../jira/client';
import { JiraForbidden } from '../../jira/errors';
import type { ProvisioningStatus } from '../../shared/impediment-contract';
import { readProvisioning, writeProvisioning } from '../../storage/impediments-provisioning';
import { provision } from './provisioning';

export interface ProvisioningRun {
  status: ProvisioningStatus;
  /** True when Jira refused the app (401/403): worth another attempt later. */
  forbidden: boolean;
}

function permissionProblem(error: JiraForbidden) {
  return {
    scope: 'app permissions',
    reason: `Jira refused the app (HTTP ${error.status ?? 403}): ${error.message}`,
    manualSteps: [
      'Right after install Jira may need a few minutes to activate the app\u2019s permissions: wait, then retry here.',
      'Check that the app is installed with the "Manage Jira configuration" permission (forge install --upgrade after a deploy that added scopes).',
      'Or create them by hand: a standard issue type "Impediment" and a single-select field "Escalation level" with one option per ladder level.',
    ],
  };
}

export async function runProvisioning(
  asApp: JiraClient,
  config: ProgramConfig,
  willRetry: boolean,
  nowMs: number,
): Promise<ProvisioningRun> {
  const tick = tickingFrom(nowMs);
  const nowIso = () => new Date(tick()).toISOString();
  const previous = await readProvisioning();
  const attempts = previous.attempts + 1;
  const startedAt = nowIso();
  await writeProvisioning({ ...previous, state: 'running', startedAt, attempts });
  try {
    const status = await provision(asApp, config, attempts, startedAt, nowIso);
    await writeProvisioning(status);
    return { status, forbidden: false };
  } catch (error) {
    if (!(error instanceof JiraForbidden)) {
      await writeProvisioning({ ...previous, state: 'failed', startedAt, finishedAt: nowIso(), attempts });
      throw error;
    }
    const status: ProvisioningStatus = {
      ...previous,
      state: willRetry ? 'waiting-for-permission' : 'failed',
      startedAt,
      finishedAt: nowIso(),
      attempts,
      changes: [],
      problems: [permissionProblem(error)],
    };
    await writeProvisioning(status);
    return { status, forbidden: true };
  }
}
