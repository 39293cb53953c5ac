/**
 * Which Jira field holds what. Custom field ids differ per site, so the engine never hard-codes them:
 * a configured id or name wins, otherwise the field is discovered by name (or by its custom type) in the
 * site's field catalog (`GET /rest/api/3/field`). Each role reports how it was resolved.
 */
import { z } from 'zod';
import type { FieldRole, ProgramConfig } from './program-config';

export const CatalogFieldSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  schema: z.looseObject({ custom: z.string().optional() }).optional(),
});
export type CatalogField = z.infer<typeof CatalogFieldSchema>;

export interface ResolvedField {
  role: FieldRole;
  id: string | undefined;
  /** `configured`: named in the config; `discovered`: found by name or type; `missing`: not on the site. */
  source: 'configured' | 'discovered' | 'missing';
  note: string;
}

export type FieldMap = Record<FieldRole, string | undefined>;

/** Names Jira Cloud and common apps use, tried in order (case-insensitive). */
const KNOWN_NAMES: Record<FieldRole, readonly string[]> = {
  storyPoints: ['Story point estimate', 'Story Points', 'Story points'],
  sprint: ['Sprint'],
  rank: ['Rank'],
  acceptanceCriteria: ['Acceptance criteria', 'Acceptance Criteria'],
  businessValue: ['Business value', 'User-business value'],
  timeCriticality: ['Time criticality'],
  riskReduction: ['Risk reduction / opportunity enablement', 'Risk reduction', 'RR|OE'],
  jobSize: ['Job size', 'Job Size'],
  team: ['Team'],
  escalationLevel: ['Escalation level'],
};

const KNOWN_TYPES: Partial<Record<FieldRole, string>> = {
  sprint: 'com.pyxis.greenhopper.jira:gh-sprint',
  rank: 'com.pyxis.greenhopper.jira:gh-lexo-rank',
};

export const FIELD_ROLES: readonly FieldRole[] = [
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
];

function byName(catalog: readonly CatalogField[], name: string): CatalogField | undefined {
  const wanted = name.toLowerCase();
  return catalog.find((f) => f.name.toLowerCase() === wanted);
}

function resolveRole(role: FieldRole, configured: string | undefined, catalog: readonly CatalogField[]) {
  if (configured !== undefined) {
    const found = catalog.find((f) => f.id === configured) ?? byName(catalog, configured);
    if (found)
      return { role, id: found.id, source: 'configured' as const, note: `${found.name} (${found.id})` };
    // Without a catalog an id is taken on trust; a name cannot be resolved.
    const looksLikeId = /^(customfield_\d+|[a-z]+)$/.test(configured);
    return looksLikeId && catalog.length === 0
      ? {
          role,
          id: configured,
          source: 'configured' as const,
          note: `${configured} (not checked: no field catalog)`,
        }
      : {
          role,
          id: undefined,
          source: 'missing' as const,
          note: `configured field "${configured}" is not on the site`,
        };
  }
  const type = KNOWN_TYPES[role];
  const found =
    KNOWN_NAMES[role].map((n) => byName(catalog, n)).find((f) => f !== undefined) ??
    (type ? catalog.find((f) => f.schema?.custom === type) : undefined);
  if (found)
    return { role, id: found.id, source: 'discovered' as const, note: `${found.name} (${found.id})` };
  return {
    role,
    id: undefined,
    source: 'missing' as const,
    note: `no field named ${KNOWN_NAMES[role].map((n) => `"${n}"`).join(' or ')}`,
  };
}

/** Resolves every field role against the site's catalog. */
export function resolveFieldMap(
  config: ProgramConfig,
  catalog: readonly CatalogField[],
): { map: FieldMap; resolved: ResolvedField[] } {
  const resolved = FIELD_ROLES.map((role) => resolveRole(role, config.fields[role], catalog));
  const id = (role: FieldRole) => resolved.find((r) => r.role === role)?.id;
  const map: FieldMap = {
    storyPoints: id('storyPoints'),
    sprint: id('sprint'),
    rank: id('rank'),
    acceptanceCriteria: id('acceptanceCriteria'),
    businessValue: id('businessValue'),
    timeCriticality: id('timeCriticality'),
    riskReduction: id('riskReduction'),
    jobSize: id('jobSize'),
    team: id('team'),
    escalationLevel: id('escalationLevel'),
  };
  return { map, resolved };
}
