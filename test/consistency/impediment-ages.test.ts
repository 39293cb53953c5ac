import { DEMO_FACTS } from '../../dev/emulator/demo/demo-facts';
import { dataOf, startHarness, type Harness } from '../resolvers/harness';

const OPEN = DEMO_FACTS.impediments.filter((i) => i.open);

describe('impediment ages on the gadget and the issue', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.buildSnapshot();
  });
  afterAll(() => h.close());

  it('shows each breached impediment with the days at its level that the issue shows', async () => {
    const steering = dataOf(await h.call('gadget/getSteering', { config: {} }, 'cpo'));
    const breaches = steering.impediments.breaches;
    const breachedOnIssue = [];
    for (const imp of OPEN) {
      const { impediment } = dataOf(await h.call('impediment/get', { issueKey: imp.key }, 'cpo'));
      if (impediment?.slaStatus === 'breached') breachedOnIssue.push(imp.key);
    }
    expect(breaches.map((b) => b.key).sort()).toEqual(breachedOnIssue.sort());
    for (const b of breaches) {
      const { impediment } = dataOf(await h.call('impediment/get', { issueKey: b.key }, 'cpo'));
      expect({ key: b.key, daysAtLevel: b.daysAtLevel, level: b.level }).toEqual({
        key: b.key,
        daysAtLevel: impediment?.daysAtLevel,
        level: impediment?.level,
      });
    }
  });

  it('gives each level the oldest days at level of its open impediments, as the issues show them', async () => {
    const steering = dataOf(await h.call('gadget/getSteering', { config: {} }, 'cpo'));
    for (const level of steering.impediments.perLevel) {
      const days = [];
      for (const imp of OPEN.filter((i) => i.level === level.level)) {
        const { impediment } = dataOf(await h.call('impediment/get', { issueKey: imp.key }, 'cpo'));
        days.push(impediment?.daysAtLevel ?? null);
      }
      const known = days.filter((d): d is number => d !== null);
      expect({ level: level.level, oldest: level.oldestDays }).toEqual({
        level: level.level,
        oldest: known.length ? Math.max(...known) : null,
      });
    }
  });

  it('counts the recent escalations of the stored escalation histories in the cadence advice', async () => {
    const steering = dataOf(await h.call('gadget/getSteering', { config: {} }, 'cpo'));
    const arrivals = steering.cadence.factors.find((f) => /escalations/.test(f.detail));
    expect(arrivals?.detail).not.toMatch(/^0 escalations/);
  });
});
