/**
 * The program configuration the engine runs with (src/domain/config/program-config.ts), built from
 * what the admin stored. Every consumer reads it through here, so how it is stored can change alone.
 */
import { parseProgramConfig, type ProgramConfig } from '../domain/config/program-config';
import { readProgramSettings } from './program-settings';

export async function readProgramConfig(): Promise<ProgramConfig> {
  const settings = await readProgramSettings();
  if (!settings) return parseProgramConfig({});
  return parseProgramConfig({
    name: settings.name,
    projects: settings.projectKeys,
    fields: settings.fieldOverrides ?? {},
  });
}
