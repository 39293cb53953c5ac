/**
 * The Impediment issue type (hierarchy level 0, like stories and tasks): reused when the site already
 * has a global type of that name, created otherwise. Team-managed projects' own types (with a `scope`)
 * are separate from the site's, so they neither satisfy nor block this.
 */
import type { JiraClient } from '../../jira/client';
import { JiraBadReply } from '../../jira/errors';
import {
  createIssueType,
  listIssueTypes,
  type ProvisionedIssueType,
} from '../../jira/impediment-provisioning-requests';
import type { ProvisioningProblem } from '../../shared/impediment-contract';

export type IssueTypeOutcome =
  { ok: true; type: ProvisionedIssueType; created: boolean } | { ok: false; problem: ProvisioningProblem };

const isGlobal = (t: ProvisionedIssueType) => t.scope === undefined || t.scope.type === 'GLOBAL';

async function findGlobal(client: JiraClient, name: string) {
  return (await listIssueTypes(client)).find(
    (t) => isGlobal(t) && t.name.toLowerCase() === name.toLowerCase(),
  );
}

export async function provisionIssueType(client: JiraClient, name: string): Promise<IssueTypeOutcome> {
  const existing = await findGlobal(client, name);
  if (existing) {
    if ((existing.hierarchyLevel ?? (existing.subtask ? -1 : 0)) === 0)
      return { ok: true, type: existing, created: false };
    return {
      ok: false,
      problem: {
        scope: `issue type ${existing.name}`,
        reason: `The site already has an issue type named "${existing.name}" at hierarchy level ${existing.hierarchyLevel ?? -1}, not a standard (level 0) type.`,
        manualSteps: [
          `In Jira settings > Issues > Issue types, rename the existing "${existing.name}" type (or choose another impediment type name in the MetaScrum settings).`,
          'Then retry provisioning from this page.',
        ],
      },
    };
  }
  try {
    const type = await createIssueType(
      client,
      name,
      'Something outside a team stops its work (MetaScrum escalation ladder).',
    );
    return { ok: true, type, created: true };
  } catch (error) {
    // 409: another provisioning run created it a moment ago: use that one, never a second type.
    if (!(error instanceof JiraBadReply) || error.status !== 409) throw error;
    const raced = await findGlobal(client, name);
    if (!raced) throw error;
    return { ok: true, type: raced, created: false };
  }
}
