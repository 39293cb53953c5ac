/**
 * The demo site's programs (issue 14): the Checkout program (every demo team, so its numbers are the
 * demo's as every test knows them) and the Platform program, which shares the PLAT team with it.
 * The preview stores both; `dev/data/demo-programs.json` carries them for the report CLI.
 */
export interface DemoProgram {
  id: string;
  name: string;
  /** Team projects; empty = every project the user can browse (the Checkout program, as before). */
  projects: string[];
}

export const DEMO_PROGRAMS: readonly DemoProgram[] = [
  { id: 'default', name: 'Checkout program', projects: [] },
  { id: 'platform', name: 'Platform program', projects: ['PLAT', 'SRCH'] },
];
