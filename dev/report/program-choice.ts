/**
 * A config file holds one program's config, or a site's programs as `{ "programs": [config, ...] }`
 * (dev/data/demo-programs.json: the demo site's two programs). `--program <name>` picks one by name
 * (the first when not given); `--list-programs` prints each name on its own line.
 */
import { UsageError } from './cli-args';

export interface NamedConfig {
  name: string;
  raw: unknown;
}

function nameOf(raw: unknown): string {
  if (typeof raw === 'object' && raw !== null && 'name' in raw && typeof raw.name === 'string')
    return raw.name;
  return 'Program';
}

export function programsOf(raw: unknown): NamedConfig[] {
  if (typeof raw === 'object' && raw !== null && 'programs' in raw) {
    if (!Array.isArray(raw.programs) || raw.programs.length === 0)
      throw new UsageError('--config: "programs" must be a non-empty list of program configs');
    return raw.programs.map((config: unknown) => ({ name: nameOf(config), raw: config }));
  }
  return [{ name: nameOf(raw), raw }];
}

export function chooseProgram(programs: readonly NamedConfig[], wanted: string | undefined): unknown {
  if (wanted === undefined) return programs[0]?.raw ?? {};
  const found = programs.find((p) => p.name === wanted);
  if (!found)
    throw new UsageError(
      `--program: no program named "${wanted}" (programs: ${programs.map((p) => p.name).join(', ')})`,
    );
  return found.raw;
}
