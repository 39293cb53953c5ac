/** `tsx dev/emulator/demo/write-demo-file.ts`: regenerates dev/data/demo-program.json from demoProgram(). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoProgram } from './demo-program';

export const DEMO_FILE = join(__dirname, '..', '..', 'data', 'demo-program.json');

if (require.main === module) {
  writeFileSync(DEMO_FILE, `${JSON.stringify(demoProgram(), null, 1)}\n`);
  console.log(`wrote ${DEMO_FILE}`);
}
