/**
 * Runs the real resolver handler (src/index.ts) as Forge does, as a chosen demo user, against the Jira
 * emulator with the demo program. Every exchange with Jira is recorded for the OpenAPI judge.
 */
import {
  demoProgram,
  startEmulator,
  type Dataset,
  type Exchange,
  type RunningEmulator,
} from '../../dev/emulator';
import { clock } from '../../src/clock';
import { resolver, snapshotWorker } from '../../src/index';
import { SYNC_QUEUE_KEY } from '../../src/services/sync-queue';
import { forgetSecuredIssues } from '../../src/services/analysis/secured-issues';
import { forgetEscalateRights } from '../../src/services/impediments/escalate-rights';
import { forgetBrowsableProjects } from '../../src/services/user-access';
import { z } from 'zod';
import {
  contract,
  ErrorCodeSchema,
  OrderInfoSchema,
  type Envelope,
  type PayloadOf,
  type ResolverKey,
  type ResponseOf,
} from '../../src/shared/contract';
import { installForgeRuntime, type ForgeRuntimeDouble, type ForgeUiContext } from '../doubles/forge-runtime';

export interface Harness {
  emulator: RunningEmulator;
  forge: ForgeRuntimeDouble;
  dataset: Dataset;
  exchanges: Exchange[];
  /** Calls a resolver key as `accountId`; the payload is `unknown` so tests can send bad ones. */
  call<K extends ResolverKey>(
    key: K,
    payload: PayloadOf<K> | Record<string, unknown>,
    accountId: string,
    extension?: ForgeUiContext['extension'],
  ): Promise<Envelope<ResponseOf<K>>>;
  /** Saves the program's name and team projects as the admin would, through admin/saveConfig. */
  configureProgram(name: string, projects: readonly string[]): Promise<void>;
  /** Runs the snapshot consumer once as the app (a full rebuild), as Forge would after an enqueue. */
  buildSnapshot(): Promise<void>;
  /** Delivers every queued job (analysis runs, refreshes) to the consumer, as Forge would. */
  deliverQueue(): Promise<void>;
  close(): Promise<void>;
}

function envelopeSchema(data: z.ZodType) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }).strict(),
    z
      .object({
        ok: z.literal(false),
        error: z
          .object({
            code: ErrorCodeSchema,
            message: z.string().min(1),
            field: z.string().optional(),
            problems: z.array(z.object({ field: z.string(), message: z.string() }).strict()).optional(),
            currentOrder: OrderInfoSchema.optional(),
            missingPermission: z.object({ permission: z.string(), issueKey: z.string() }).strict().optional(),
          })
          .strict(),
      })
      .strict(),
  ]);
}

/** `dataset`: the demo program unless a test needs another site (the legacy site's flagged items). */
export async function startHarness(dataset: Dataset = demoProgram()): Promise<Harness> {
  const exchanges: Exchange[] = [];
  const emulator = await startEmulator({
    dataset,
    port: 0,
    onExchange: (ex) => exchanges.push(ex),
    // Jira's clock is the app's (pinned to the demo's "now" by the test setup): what the app writes is
    // stamped at the time the app believes it is.
    now: () => new Date(clock()),
  });
  const forge = installForgeRuntime({ jiraBaseUrl: emulator.url });
  const harness: Harness = {
    emulator,
    forge,
    dataset,
    exchanges,
    async call(key, payload, accountId, extension = { type: 'jira:projectPage' }) {
      const context: ForgeUiContext = { moduleKey: 'test', accountId, extension };
      const reply = await forge.invoke(resolver, { functionKey: key, payload }, { accountId, context });
      envelopeSchema(contract[key].response).parse(reply);
      // Checked against the contract on the line above; only the compiler needs to be told.
      return reply as Envelope<ResponseOf<typeof key>>;
    },
    async configureProgram(name, projects) {
      const { config, version } = dataOf(await harness.call('admin/getConfig', {}, 'admin'));
      dataOf(
        await harness.call(
          'admin/saveConfig',
          { config: { ...config, name, projects: [...projects] }, baseVersion: version?.version ?? 0 },
          'admin',
        ),
      );
    },
    async buildSnapshot() {
      forge.queue.length = 0;
      await forge.runAsApp(() =>
        snapshotWorker({
          body: { reason: 'requested', mode: 'full' },
          queueName: SYNC_QUEUE_KEY,
          jobId: 'test-build',
        }),
      );
      forgetBrowsableProjects();
      forgetSecuredIssues();
      forgetEscalateRights();
    },
    async deliverQueue() {
      for (const event of forge.queue.splice(0)) {
        const pushed = event.payload;
        const bodies =
          typeof pushed === 'object' &&
          pushed !== null &&
          'payload' in pushed &&
          Array.isArray(pushed.payload)
            ? pushed.payload.map((p: unknown) =>
                typeof p === 'object' && p !== null && 'body' in p ? p.body : p,
              )
            : [];
        for (const body of bodies) {
          await forge.runAsApp(() => snapshotWorker({ body, queueName: SYNC_QUEUE_KEY, jobId: event.jobId }));
        }
      }
      forgetBrowsableProjects();
      forgetSecuredIssues();
      forgetEscalateRights();
    },
    async close() {
      forge.uninstall();
      await emulator.close();
    },
  };
  return harness;
}

/** Unwraps an envelope that must be ok, failing the test with the error otherwise. */
export function dataOf<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
}
