/**
 * What every impediment use case needs: the ladder and issue type from the program config, the
 * history property's name and the escalation-level field id (from the last provisioning, else by name).
 */
import type { ProgramConfig } from '../../domain/config/program-config';
import type { LadderLevel } from '../../domain/impediments/escalation-ladder';
import { linkPolarityFor, type PolarityOf } from '../../domain/normalise/link-direction';
import type { JiraClient } from '../../jira/client';
import { FIELD_ID_PATTERN } from '../../domain/config/field-roles';
import { listFields } from '../../jira/fields';
import { readProvisioning } from '../../storage/impediments-provisioning';

export interface ImpedimentSettings {
  issueType: string;
  historyProperty: string;
  ladder: LadderLevel[];
  levelFieldId: string | undefined;
  /** The program's dependency link types, to tell which issues an impediment blocks. */
  polarityOf: PolarityOf;
}

export const LEVEL_FIELD_NAME = 'Escalation level';

const FIELD_TTL_MS = 10 * 60_000;
let fieldCache: { until: number; id: string | undefined; key: string } | undefined;

async function levelFieldId(client: JiraClient, override: string | undefined, nowMs: number) {
  if (override !== undefined && FIELD_ID_PATTERN.test(override)) return override;
  const provisioned = (await readProvisioning()).field?.id;
  if (override === undefined && provisioned) return provisioned;
  const name = (override ?? LEVEL_FIELD_NAME).toLowerCase();
  if (fieldCache && fieldCache.key === name && fieldCache.until > nowMs) return fieldCache.id;
  const id = (await listFields(client)).find((f) => f.name.toLowerCase() === name)?.id;
  fieldCache = { until: nowMs + FIELD_TTL_MS, id, key: name };
  return id;
}

export async function impedimentSettings(
  config: ProgramConfig,
  client: JiraClient,
  nowMs: number,
): Promise<ImpedimentSettings> {
  return {
    issueType: config.impediments.issueType,
    historyProperty: config.impediments.historyProperty,
    ladder: config.impediments.levels.map((l) => ({
      id: l.id,
      name: l.name,
      formerNames: l.formerNames,
      owner: l.owner,
      ownerKind: l.ownerKind,
      slaDays: l.slaDays,
    })),
    levelFieldId: await levelFieldId(client, config.fields.escalationLevel, nowMs),
    polarityOf: linkPolarityFor(config),
  };
}

export function forgetLevelField(): void {
  fieldCache = undefined;
}
