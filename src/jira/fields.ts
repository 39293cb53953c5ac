/**
 * Field discovery: custom field ids differ per site, so the fields the app reads are found by name (and,
 * where Jira Software defines the type, by its schema type) in `GET /rest/api/3/field`. An admin may
 * override any of them in the settings; an override naming a field that does not exist is reported.
 */
import { z } from 'zod';
import type { JiraClient } from './client';

export const FieldSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  custom: z.boolean().optional(),
  schema: z.looseObject({ type: z.string().optional(), custom: z.string().optional() }).optional(),
});
export type JiraField = z.infer<typeof FieldSchema>;

export const FIELD_ROLES = [
  'storyPoints',
  'sprint',
  'rank',
  'acceptanceCriteria',
  'businessValue',
  'timeCriticality',
  'riskReduction',
  'jobSize',
  'team',
  'escalationLevel',
] as const;
export type FieldRole = (typeof FIELD_ROLES)[number];

/** Role -> field id; a role missing on the site is absent. */
export type FieldMap = Partial<Record<FieldRole, string>>;

interface RoleRule {
  /** Names in order of preference (case-insensitive). */
  names: string[];
  /** A custom type that identifies the field whatever its name. */
  customType?: string;
}

const RULES: Record<FieldRole, RoleRule> = {
  // Team-managed and newer company-managed projects use "Story point estimate"; older ones "Story Points".
  storyPoints: { names: ['Story point estimate', 'Story Points'] },
  sprint: { names: ['Sprint'], customType: 'com.pyxis.greenhopper.jira:gh-sprint' },
  rank: { names: ['Rank'], customType: 'com.pyxis.greenhopper.jira:gh-lexo-rank' },
  acceptanceCriteria: { names: ['Acceptance criteria'] },
  businessValue: { names: ['Business value'] },
  timeCriticality: { names: ['Time criticality'] },
  riskReduction: { names: ['Risk reduction / opportunity enablement', 'Risk reduction'] },
  jobSize: { names: ['Job size'] },
  team: { names: ['Team'], customType: 'com.atlassian.jira.plugin.system.customfieldtypes:atlassian-team' },
  escalationLevel: { names: ['Escalation level'] },
};

/** A field id as Jira spells them: system ids (`summary`) or `customfield_<n>`. */
export const FIELD_ID_PATTERN = /^(customfield_[0-9]{1,12}|[a-z][a-zA-Z]{1,40})$/;

export async function listFields(client: JiraClient): Promise<JiraField[]> {
  return client.send({ method: 'GET', path: '/rest/api/3/field' }, z.array(FieldSchema));
}

function discover(fields: readonly JiraField[], rule: RoleRule): string | undefined {
  const byType = rule.customType ? fields.find((f) => f.schema?.custom === rule.customType) : undefined;
  if (byType) return byType.id;
  for (const name of rule.names) {
    const found = fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
    if (found) return found.id;
  }
  return undefined;
}

export interface DiscoveredFields {
  fieldMap: FieldMap;
  /** Overrides that could not be used, each with the reason. */
  problems: string[];
}

export function resolveFieldMap(fields: readonly JiraField[], overrides: FieldMap = {}): DiscoveredFields {
  const ids = new Set(fields.map((f) => f.id));
  const fieldMap: FieldMap = {};
  const problems: string[] = [];
  for (const role of FIELD_ROLES) {
    const override = overrides[role];
    if (override !== undefined && FIELD_ID_PATTERN.test(override) && ids.has(override)) {
      fieldMap[role] = override;
      continue;
    }
    if (override !== undefined) problems.push(`field override ${role}=${override} does not exist in Jira`);
    const found = discover(fields, RULES[role]);
    if (found) fieldMap[role] = found;
  }
  return { fieldMap, problems };
}

export async function discoverFields(
  client: JiraClient,
  overrides: FieldMap = {},
): Promise<DiscoveredFields> {
  return resolveFieldMap(await listFields(client), overrides);
}
