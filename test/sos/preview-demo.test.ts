/**
 * The preview's demo (issue 10 item 8): the five demo teams plus the long-lived site's LEG and OLD,
 * read through the real resolvers. LEG's points come from "Story Points" (its board's field) while the
 * demo teams keep "Story point estimate"; its flagged item is a Team-level impediment on the board; the
 * five demo teams' rows stay exactly what the tests' demo shows.
 */
import { demoProgram } from '../../dev/emulator';
import { DEMO_NOW } from '../../dev/emulator/demo/demo-facts';
import { LEGACY_FACTS } from '../../dev/emulator/demo/legacy-site';
import { dataOf, startHarness } from '../resolvers/harness';

/** One harness at a time: each installs the Forge runtime double for its own emulator. */
async function readSite(legacySite: boolean) {
  const h = await startHarness(demoProgram(DEMO_NOW, { legacySite }));
  try {
    await h.buildSnapshot();
    return {
      cpo: dataOf(await h.call('sos/getBoard', {}, 'cpo')),
      poPay: dataOf(await h.call('sos/getBoard', {}, 'po-pay')),
      leg: dataOf(await h.call('panel/getBoard', { team: 'LEG' }, 'cpo')).rows,
      pay: dataOf(await h.call('panel/getBoard', { team: 'PAY' }, 'cpo')).rows,
    };
  } finally {
    await h.close();
  }
}

describe("the preview's demo with the long-lived site's teams", () => {
  let both: Awaited<ReturnType<typeof readSite>>;
  let demo: Awaited<ReturnType<typeof readSite>>;
  beforeAll(async () => {
    both = await readSite(true);
    demo = await readSite(false);
  });

  it('shows LEG and OLD next to the demo teams, whose rows do not change', () => {
    expect(both.cpo.teams.map((t) => t.team)).toEqual([...demo.cpo.teams.map((t) => t.team), 'LEG', 'OLD']);
    expect(both.cpo.teams.slice(0, 5)).toEqual(demo.cpo.teams);
    const leg = both.cpo.teams.find((t) => t.team === 'LEG');
    expect(leg?.blockedItems).toEqual([
      expect.objectContaining({ key: LEGACY_FACTS.flagged, reason: 'flag', blockedBy: [] }),
    ]);
    // LEG-4 (active sprint) depends upon OLD-2 (undated future sprint, estimated from now): too late.
    expect(leg?.waitsFor).toEqual([
      expect.objectContaining({ prerequisite: 'OLD-2', dependant: 'LEG-4', status: 'conflict' }),
    ]);
    expect(both.poPay.teams.map((t) => t.team)).toEqual(['PAY', 'CHK']);
  });

  it("reads LEG's points from Story Points and its stories through Epic Link", () => {
    expect(both.leg.find((r) => r.key === LEGACY_FACTS.epic)).toMatchObject({
      openChildren: 3,
      openPoints: 16,
    });
    expect(both.pay.map((r) => [r.key, r.openPoints])).toEqual(demo.pay.map((r) => [r.key, r.openPoints]));
  });
});
