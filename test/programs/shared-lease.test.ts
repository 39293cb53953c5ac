import { syncProgram } from '../../src/services/program-sync';
import { acquireLease, readLease } from '../../src/storage/snapshot-job';
import { withProgram } from '../../src/storage/program-scope';
import { JiraClient } from '../../src/jira/client';
import { installForgeRuntime, type ForgeRuntimeDouble } from '../doubles/forge-runtime';

/** Never called: a deferred job reads nothing from Jira. */
const unreachable = new JiraClient({
  send: () => Promise.reject(new Error('a deferred job must not call Jira')),
});

describe('one build at a time for the whole installation', () => {
  let forge: ForgeRuntimeDouble;
  beforeEach(() => {
    forge = installForgeRuntime({ jiraBaseUrl: 'http://127.0.0.1:9' });
  });
  afterEach(() => forge.uninstall());

  it('queues another program’s refresh again while one program’s build holds the lease', async () => {
    const now = Date.parse('2026-11-30T10:00:00Z');
    await forge.runAsApp(() => withProgram('checkout', () => acquireLease('job-a', now, 60_000)));
    expect((await forge.runAsApp(() => readLease()))?.programId).toBe('checkout');
    const outcome = await forge.runAsApp(() =>
      withProgram('platform', () =>
        syncProgram(unreachable, { reason: 'event', mode: 'incremental' }, () => now, { holder: 'job-b' }),
      ),
    );
    expect(outcome.status).toBe('deferred');
    const [event] = forge.queue;
    expect(JSON.stringify(event?.payload)).toContain('"programId":"platform"');
    expect(JSON.stringify(event?.payload)).toContain('"delayInSeconds":60');
  });

  // An event's refresh is queued again, not dropped: while it waited, the event itself was not noted
  // (its `updated` search was to find the change), so dropping it would lose the change until the next sync.
  it('queues the same program’s event refresh again, 30 s later, while its own build runs', async () => {
    const now = Date.parse('2026-11-30T10:00:00Z');
    await forge.runAsApp(() => withProgram('checkout', () => acquireLease('job-a', now, 60_000)));
    const outcome = await forge.runAsApp(() =>
      withProgram('checkout', () =>
        syncProgram(unreachable, { reason: 'event', mode: 'incremental' }, () => now, { holder: 'job-b' }),
      ),
    );
    expect(outcome.status).toBe('deferred');
    expect(forge.queue).toHaveLength(1);
    expect(JSON.stringify(forge.queue[0]?.payload)).toContain('"programId":"checkout"');
    expect(JSON.stringify(forge.queue[0]?.payload)).toContain('"delayInSeconds":30');
  });
});
