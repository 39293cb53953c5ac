/**
 * What a saved config version changed, as short sentences for the admin history ("Horizon: minimum
 * sprints 2 → 3", "Escalation ladder: renamed "Executive Action Team" to "EAT""). Levels are compared
 * by id, so a rename reads as a rename, not as a removal and an addition.
 */
import { fieldLabel } from './field-labels';
import type { ProgramConfig } from './program-config';

const show = (value: unknown): string =>
  value === undefined ? '(default)' : typeof value === 'string' ? `"${value}"` : JSON.stringify(value);

/** Every leaf path whose value differs, with both values (arrays compared whole). */
function leafChanges(before: unknown, after: unknown, path: string[] = []): string[] {
  const isRecord = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => leafChanges(before[k], after[k], [...path, k]));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [`${fieldLabel(path.join('.'))}: ${show(before)} → ${show(after)}`];
}

/** An owner's display name by its stored id (the admin page picks by name; the config keeps ids). */
export type OwnerNames = (id: string) => string | undefined;

function ladderChanges(before: ProgramConfig, after: ProgramConfig, names: OwnerNames): string[] {
  const owner = (id: string | undefined) => (id === undefined ? 'none' : show(names(id) ?? id));
  const b = before.impediments.levels;
  const a = after.impediments.levels;
  const out: string[] = [];
  for (const level of a) {
    const old = b.find((l) => l.id === level.id);
    if (!old) {
      out.push(`Escalation ladder: added "${level.name}"`);
      continue;
    }
    if (old.name !== level.name) out.push(`Escalation ladder: renamed "${old.name}" to "${level.name}"`);
    if (old.slaDays !== level.slaDays)
      out.push(`Escalation ladder: "${level.name}" SLA ${show(old.slaDays)} → ${show(level.slaDays)} days`);
    if (old.owner !== level.owner)
      out.push(`Escalation ladder: "${level.name}" owner ${owner(old.owner)} → ${owner(level.owner)}`);
  }
  for (const old of b)
    if (!a.some((l) => l.id === old.id)) out.push(`Escalation ladder: removed "${old.name}"`);
  const order = (c: ProgramConfig) =>
    c.impediments.levels
      .map((l) => l.id)
      .filter((id) => b.some((x) => x.id === id) && a.some((x) => x.id === id));
  if (JSON.stringify(order(before)) !== JSON.stringify(order(after)))
    out.push('Escalation ladder: levels reordered');
  return out;
}

export function configChanges(
  before: ProgramConfig,
  after: ProgramConfig,
  names: OwnerNames = () => undefined,
): string[] {
  const strip = (c: ProgramConfig) => ({ ...c, impediments: { ...c.impediments, levels: [] } });
  const changes = [...leafChanges(strip(before), strip(after)), ...ladderChanges(before, after, names)];
  return changes.length > 0 ? changes : ['no change'];
}
