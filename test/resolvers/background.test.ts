import { z } from 'zod';
import { onHourlySync, onLifecycleEvent, snapshotWorker } from '../../src/index';
import { SYNC_QUEUE_KEY } from '../../src/services/sync-queue';
import { dataOf, startHarness, type Harness } from './harness';

/** What @forge/events publishes: the events pushed, each with its `body`. */
const PushedEventsSchema = z.object({ payload: z.array(z.object({ body: z.unknown() })) });

describe('lifecycle trigger, hourly schedule and the sync consumer', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.forge.kvs.clear();
    h.forge.queue.length = 0;
  });

  /** Delivers the queued events to the consumer as Forge does: one AsyncEvent per pushed event. */
  async function drainQueue(): Promise<void> {
    for (const event of h.forge.queue.splice(0)) {
      expect(event.queueName).toBe(SYNC_QUEUE_KEY);
      const pushed = PushedEventsSchema.parse(event.payload);
      for (const { body } of pushed.payload) {
        const asyncEvent = { body, queueName: event.queueName, jobId: event.jobId, eventId: 'event-1' };
        await h.forge.runAsApp(() => snapshotWorker(asyncEvent));
      }
    }
  }

  it('records the install, enqueues a first sync, and the consumer stores what it read as the app', async () => {
    await h.forge.runAsApp(() => onLifecycleEvent({ eventType: 'avi:forge:installed:app', context: {} }));
    expect(h.forge.queue).toHaveLength(1);
    await drainQueue();
    const settings = dataOf(await h.call('admin/getSettings', {}, 'admin'));
    expect(settings.lifecycle.installedAt).not.toBeNull();
    expect(settings.lastSync).toMatchObject({
      reason: 'installed',
      projectCount: 5,
      issueCount: h.dataset.issues.length,
    });
  });

  it('enqueues, and never syncs inline, from the hourly schedule', async () => {
    await h.forge.runAsApp(() => onHourlySync());
    // Only the job record (for the UI's progress) is written; no snapshot is built inline.
    expect(h.forge.kvs.keys()).toEqual(['snapshot:job:v1']);
    await drainQueue();
    expect(dataOf(await h.call('admin/getSettings', {}, 'admin')).lastSync).toMatchObject({
      reason: 'scheduled',
    });
  });

  it('drops a malformed queue event without failing or storing anything', async () => {
    await h.forge.runAsApp(() =>
      snapshotWorker({ body: { reason: 'nope' }, queueName: SYNC_QUEUE_KEY, jobId: 'j1' }),
    );
    expect(h.forge.kvs.keys()).toEqual([]);
  });
});
