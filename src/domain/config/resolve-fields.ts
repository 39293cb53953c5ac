/**
 * Resolves every field role of a site, once (README "Field resolution"). For each role: the configured
 * field (id or name), else the field Jira's custom type marks, else the first known name. Story points
 * take more care (resolve-story-points.ts): config, then each board's estimation field, then the
 * candidate that carries values, then the name. Pure: the catalog, the boards and the observed values
 * are inputs, so the app, the engine and the report CLI reach the same answer from the same data.
 */
import type { ProgramConfig } from './program-config';
import type { BoardEstimation, CatalogField, FieldResolution, ObservedValues } from './field-resolution';
import { FIELD_ROLES } from './field-roles';
import { configuredField, recognisedField } from './field-recognition';
import { resolveStoryPoints } from './resolve-story-points';

export interface FieldResolutionInput {
  /** `GET /rest/api/3/field`; empty when unknown (configured ids are then taken on trust). */
  catalog: readonly CatalogField[];
  /** Each board's estimation field (`GET /rest/agile/1.0/board/{id}/configuration`). */
  boards: readonly BoardEstimation[];
  /** Which story-point candidates carry values, by project. */
  observed: ObservedValues;
  overrides: ProgramConfig['fields'];
}

export function resolveFields(input: FieldResolutionInput): FieldResolution {
  const warnings: string[] = [];
  const fields = FIELD_ROLES.filter((role) => role !== 'storyPoints').map((role) => {
    const configured = input.overrides[role];
    if (configured === undefined) return recognisedField(role, input.catalog);
    const resolved = configuredField(role, configured, input.catalog);
    if (resolved.source !== 'missing') return resolved;
    // A stale override (the field was deleted or renamed) must not blank the role: recognise it instead.
    const fallback = recognisedField(role, input.catalog);
    warnings.push(
      `${role}: ${resolved.note}; ${fallback.id === undefined ? 'no other field found' : `read ${fallback.note}`}`,
    );
    return { ...fallback, note: `${resolved.note}; ${fallback.note}` };
  });
  const points = resolveStoryPoints(input);
  warnings.push(...points.warnings);
  return {
    fields: [points.program, ...fields],
    storyPointsByProject: points.byProject,
    warnings,
  };
}
