/**
 * Stores the demo's programs (dev/emulator/demo/demo-programs.ts) as an admin would have: the registry,
 * and each program's config (name and teams) as its first saved version. The caller builds them.
 */
import { parseProgramConfig } from '../../src/domain/config/program-config';
import { readStoredConfig, saveProgramConfig } from '../../src/storage/program-config';
import { writeProgramRegistry } from '../../src/storage/program-registry';
import { withProgram } from '../../src/storage/program-scope';
import { DEMO_PROGRAMS } from '../emulator/demo/demo-programs';

const DEMO_ADMIN = { accountId: 'admin', displayName: 'Ada Admin' };

export async function seedDemoPrograms(now: number): Promise<string[]> {
  await writeProgramRegistry(
    0,
    DEMO_PROGRAMS.map(({ id, name }) => ({ id, name })),
  );
  for (const program of DEMO_PROGRAMS) {
    await withProgram(program.id, async () => {
      if (await readStoredConfig()) return;
      const config = parseProgramConfig({ name: program.name, projects: program.projects });
      await saveProgramConfig(config, DEMO_ADMIN, now, 0, 'demo');
    });
  }
  return DEMO_PROGRAMS.map((p) => p.id);
}
