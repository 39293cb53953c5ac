/**
 * Issue 11 problem 8: after PLAT left the program, MOB-41's prerequisite PLAT-71 read as "not in a
 * sprint" although it is in one: the app reads issues outside the program without their sprints, so it
 * says where the prerequisite is instead.
 */
import { demoProgram } from '../../dev/emulator';
import { DEMO_FACTS, DEMO_NOW } from '../../dev/emulator/demo/demo-facts';
import { analyseProgram } from '../../src/domain/analyse-program';

describe('a prerequisite in a project that left the program', () => {
  const [prerequisite, dependant] = DEMO_FACTS.hiddenLinkForDevMob;

  it('is named "not in this program", never "not in a sprint"', () => {
    const input = demoProgram();
    const withoutPlat = {
      ...input,
      issues: input.issues.filter((i) => !i.key.startsWith('PLAT-')),
    };
    const a = analyseProgram(withoutPlat, { projects: ['PAY', 'CHK', 'SRCH', 'MOB'] }, { now: DEMO_NOW });
    const item = a.readiness.find((r) => r.key === dependant);
    expect(item?.rules.flatMap((r) => (r.reason ? [r.reason] : []))).toEqual(
      expect.arrayContaining([expect.stringContaining(`${prerequisite} is not in this program`)]),
    );
    expect(JSON.stringify(item)).not.toContain(`${prerequisite} is not in a sprint`);
  });
});
