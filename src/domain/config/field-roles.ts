/**
 * The fields the app reads, by role: the one list every layer uses (config, resolution, snapshot,
 * report). Custom field ids differ per site, so each role says how to recognise its field in the catalog
 * (`GET /rest/api/3/field`): by the custom type Jira Software or Advanced Roadmaps gives it (whatever its
 * name), else by name, case-insensitive, in order of preference.
 */
import { z } from 'zod';

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
  'epicLink',
  'parentLink',
  'flagged',
] as const;
export type FieldRole = (typeof FIELD_ROLES)[number];
export const FieldRoleSchema = z.enum(FIELD_ROLES);

/** Role -> field id; a role missing on the site is absent. */
export type FieldMap = Partial<Record<FieldRole, string>>;

export interface RoleRecognition {
  /** A custom type that identifies the field whatever its name. */
  customType?: string;
  /** Names in order of preference (case-insensitive); none = recognised by type only. */
  names: readonly string[];
}

export const ROLE_RECOGNITION: Record<FieldRole, RoleRecognition> = {
  // Team-managed and newer company-managed projects use "Story point estimate"; older ones "Story Points".
  // Which one a team uses is not a matter of name: see resolve-story-points.ts.
  storyPoints: { names: ['Story point estimate', 'Story Points', 'Story points'] },
  sprint: { customType: 'com.pyxis.greenhopper.jira:gh-sprint', names: ['Sprint'] },
  rank: { customType: 'com.pyxis.greenhopper.jira:gh-lexo-rank', names: ['Rank'] },
  acceptanceCriteria: { names: ['Acceptance criteria'] },
  businessValue: { names: ['Business value', 'User-business value'] },
  timeCriticality: { names: ['Time criticality'] },
  riskReduction: { names: ['Risk reduction / opportunity enablement', 'Risk reduction', 'RR|OE'] },
  jobSize: { names: ['Job size'] },
  team: { customType: 'com.atlassian.jira.plugin.system.customfieldtypes:atlassian-team', names: ['Team'] },
  escalationLevel: { names: ['Escalation level'] },
  // Renamed on many sites ("Epic", "Feature link"): only the type is reliable.
  epicLink: { customType: 'com.pyxis.greenhopper.jira:gh-epic-link', names: [] },
  parentLink: { customType: 'com.atlassian.jpo:jpo-custom-field-parent', names: [] },
  // Jira Software's flag: a multi-checkbox whose one option is "Impediment".
  flagged: { names: ['Flagged'] },
};

/** A field id as Jira spells them: system ids (`summary`) or `customfield_<n>`. */
export const FIELD_ID_PATTERN = /^(customfield_[0-9]{1,12}|[a-z][a-zA-Z]{1,40})$/;
