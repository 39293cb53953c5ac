/**
 * The local preview host: a minimal Jira shell around the real built Custom UI, whose bridge calls reach
 * the real resolvers through the Forge runtime double, against the Jira emulator or a real site.
 */
import { clock } from '../../src/clock';
import { resolver, snapshotWorker } from '../../src/index';
import { seedDemoHistory } from './demo-history';
import { seedDemoPrograms } from './demo-programs';
import { requestProgramSync } from '../../src/services/sync-queue';
import { installForgeRuntime } from '../../test/doubles/forge-runtime';
import { FrameRegistry } from './frames';
import { targetFromEnvironment, type PreviewTarget } from './jira-target';
import { createPreviewServer } from './server';

export interface PreviewOptions {
  /** 0 lets the OS choose (tests); `npm start` passes PORT or 8080. */
  port: number;
  host?: string;
  /** Defaults to the emulator, or the real site named by JIRA_SITE/JIRA_EMAIL/JIRA_API_TOKEN. */
  target?: PreviewTarget;
}

export interface RunningPreview {
  url: string;
  target: PreviewTarget;
  close(): Promise<void>;
}

export async function startPreview(options: PreviewOptions): Promise<RunningPreview> {
  const target = options.target ?? (await targetFromEnvironment(process.env));
  const runtime = installForgeRuntime(target.jira);
  // Resolvers answer from the program snapshot: build it once now, as Forge's consumer would after
  // install, then deliver what the app enqueues (rebuilds, refreshes) every two seconds.
  const deliver = async () => {
    for (const event of runtime.queue.splice(0)) {
      const pushed = event.payload;
      const bodies =
        typeof pushed === 'object' && pushed !== null && 'payload' in pushed && Array.isArray(pushed.payload)
          ? pushed.payload.map((p: unknown) =>
              typeof p === 'object' && p !== null && 'body' in p ? p.body : p,
            )
          : [];
      for (const body of bodies) await runtime.runAsApp(() => snapshotWorker({ body, jobId: event.jobId }));
    }
  };
  // The demo site holds two programs sharing the PLAT team: the first is built now, the others are
  // queued as an install would queue them (delivered below, so startup costs one build as before).
  const [first = 'default', ...others] = target.demo
    ? await runtime.runAsApp(() => seedDemoPrograms(clock()))
    : [];
  await runtime.runAsApp(() =>
    snapshotWorker({ body: { reason: 'installed', mode: 'full', programId: first }, jobId: 'preview' }),
  );
  for (const programId of others) {
    await runtime.runAsApp(() => requestProgramSync({ reason: 'installed', mode: 'full', programId }));
  }
  // The demo has no past of its own: replay it at earlier dates for the gadget's trends (labelled demo).
  if (target.demo) await runtime.runAsApp(() => seedDemoHistory(clock()));
  const delivery = setInterval(() => void deliver().catch((e: unknown) => console.error(e)), 2_000);
  delivery.unref();
  const frames = new FrameRegistry('');
  const server = createPreviewServer({ target, frames, runtime, resolver, gadgetConfigs: new Map() });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, resolve);
  });
  const address = server.address();
  if (typeof address !== 'object' || address === null)
    throw new Error('the preview server has no TCP address');
  const url = `http://${host}:${address.port}`;
  frames.siteUrl = url;
  return {
    url,
    target,
    close: async () => {
      clearInterval(delivery);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      runtime.uninstall();
      await target.close();
    },
  };
}
