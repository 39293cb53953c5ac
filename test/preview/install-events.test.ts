/**
 * The preview delivers the install events as Forge would, so the admin page shows the emulator's real
 * state: the Impediment type, the Escalation level field and the link state as provisioned, with the
 * date (issue 11 problem 13: it said "Not run yet").
 */
import { deliverInstallEvents } from '../../dev/preview/install-events';
import { clock } from '../../src/clock';
import { dataOf, startHarness, type Harness } from '../resolvers/harness';

/** The pinned clock ticks on; the day is what the admin page shows. */
const today = () => new Date(clock()).toISOString().slice(0, 10);

describe('the preview’s install', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await deliverInstallEvents(h.forge, true);
  });
  afterAll(() => h.close());

  it('provisions the Impediment type and the Escalation level field, dated, before the admin first looks', async () => {
    const status = dataOf(await h.call('impediment/getProvisioning', {}, 'admin'));
    expect(status).toMatchObject({
      state: 'done',
      attempts: 1,
      issueType: { name: 'Impediment' },
      field: { name: 'Escalation level' },
      finishedAt: expect.stringMatching(new RegExp(`^${today()}T`)),
      problems: [],
    });
  });

  it('records the install and builds the first snapshot from the queue', async () => {
    const settings = dataOf(await h.call('admin/getSettings', {}, 'admin'));
    expect(settings.lifecycle.installedAt).toMatch(new RegExp(`^${today()}T`));
    const status = dataOf(await h.call('snapshot/getStatus', {}, 'cpo'));
    expect(status.snapshot).not.toBeNull();
    expect(h.forge.queue).toHaveLength(0);
  });
});
