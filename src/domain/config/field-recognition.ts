/**
 * Recognising one role's field in the site's catalog: the configured field (by id or name), else the
 * field Jira's custom type marks, else the first known name.
 */
import type { CatalogField, ResolvedField } from './field-resolution';
import { FIELD_ID_PATTERN, ROLE_RECOGNITION, type FieldRole } from './field-roles';

export const describeField = (f: CatalogField) => `${f.name} (${f.id})`;

function byName(catalog: readonly CatalogField[], name: string): CatalogField | undefined {
  const wanted = name.toLowerCase();
  return catalog.find((f) => f.name.toLowerCase() === wanted);
}

/** The configured field of a role, or a `missing` entry saying why it cannot be used. */
export function configuredField(
  role: FieldRole,
  configured: string,
  catalog: readonly CatalogField[],
): ResolvedField {
  const found = catalog.find((f) => f.id === configured) ?? byName(catalog, configured);
  if (found) return { role, id: found.id, source: 'configured', note: `configured: ${describeField(found)}` };
  if (catalog.length === 0 && FIELD_ID_PATTERN.test(configured)) {
    return {
      role,
      id: configured,
      source: 'configured',
      note: `configured: ${configured} (no field catalog to check it)`,
    };
  }
  return { role, source: 'missing', note: `configured field "${configured}" is not on the site` };
}

/** A role recognised by its custom type, else by name. */
export function recognisedField(role: FieldRole, catalog: readonly CatalogField[]): ResolvedField {
  const rule = ROLE_RECOGNITION[role];
  const typed = rule.customType ? catalog.find((f) => f.schema?.custom === rule.customType) : undefined;
  if (typed)
    return {
      role,
      id: typed.id,
      source: 'type',
      note: `${describeField(typed)}, by its type ${rule.customType}`,
    };
  for (const name of rule.names) {
    const found = byName(catalog, name);
    if (found) return { role, id: found.id, source: 'name', note: `${describeField(found)}, by name` };
  }
  const wanted = [
    ...(rule.customType ? [`of type ${rule.customType}`] : []),
    ...(rule.names.length > 0 ? [`named ${rule.names.map((n) => `"${n}"`).join(' or ')}`] : []),
  ];
  return { role, source: 'missing', note: `no field ${wanted.join(' or ')}` };
}
