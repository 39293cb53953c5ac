/**
 * The escalation-level select field: reused by name (or the configured id), created otherwise with a
 * searcher so JQL finds it; its global context limited to the Impediment type holds one option per
 * ladder level (missing ones are added, none removed: old values stay readable on old issues).
 */
import type { JiraClient } from '../../jira/client';
import {
  addContextOptions,
  addFieldToDefaultScreen,
  createGlobalContext,
  createSelectField,
  listAllFields,
  listContextOptions,
  listFieldContexts,
  SELECT_FIELD_TYPE,
  type ProvisionedField,
} from '../../jira/impediment-field-requests';
import type { ProvisioningProblem } from '../../shared/impediment-contract';

export type FieldOutcome =
  | { ok: true; field: ProvisionedField; created: boolean; changes: string[] }
  | { ok: false; problem: ProvisioningProblem };

export async function provisionLevelField(
  client: JiraClient,
  nameOrId: string,
  issueTypeId: string | undefined,
  levels: readonly string[],
): Promise<FieldOutcome> {
  const fields = await listAllFields(client);
  const existing = fields.find((f) => f.id === nameOrId || f.name.toLowerCase() === nameOrId.toLowerCase());
  const changes: string[] = [];
  if (existing && existing.schema?.custom !== SELECT_FIELD_TYPE) {
    return {
      ok: false,
      problem: {
        scope: `field ${existing.name}`,
        reason: `A field named "${existing.name}" already exists but is not a single-select list (${existing.schema?.custom ?? existing.schema?.type ?? 'system field'}).`,
        manualSteps: [
          `Rename that field, or create a "Select List (single choice)" field and set its id as the escalation-level field in the MetaScrum settings.`,
          `Give it the options ${levels.map((l) => `"${l}"`).join(', ')}, then retry provisioning.`,
        ],
      },
    };
  }
  const field =
    existing ??
    (await createSelectField(
      client,
      nameOrId,
      'Where an impediment stands on the MetaScrum escalation ladder.',
    ));
  if (!existing) changes.push(`created the select field "${field.name}" (${field.id})`);
  const contexts = await listFieldContexts(client, field.id);
  let contextId = (contexts.find((c) => c.isGlobalContext) ?? contexts[0])?.id;
  if (contextId === undefined) {
    contextId = (await createGlobalContext(client, field.id, 'MetaScrum impediments', issueTypeId ?? '')).id;
    changes.push(`added a global context to "${field.name}"`);
  }
  const options = await listContextOptions(client, field.id, contextId);
  const missing = levels.filter((l) => !options.some((o) => o.value === l));
  if (missing.length > 0) {
    await addContextOptions(client, field.id, contextId, missing);
    changes.push(`added the options ${missing.map((m) => `"${m}"`).join(', ')} to "${field.name}"`);
  }
  if (!existing && (await addFieldToDefaultScreen(client, field.id))) {
    changes.push(`put "${field.name}" on the default screen`);
  }
  return { ok: true, field, created: !existing, changes };
}
