/**
 * The local preview host: a minimal Jira shell around the real built Custom UI, whose bridge calls reach
 * the real resolvers through the Forge runtime double, against the Jira emulator or a real site.
 */
import { clock } from '../../src/clock';
import { resolver } from '../../src/index';
import { seedDemoHistory } from './demo-history';
import { seedDemoPrograms } from './demo-programs';
import { installForgeRuntime } from '../../test/doubles/forge-runtime';
import { FrameRegistry } from './frames';
import { deliverInstallEvents, deliverQueue } from './install-events';
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
  // Resolvers answer from the program snapshot: deliver the install events now, as Forge would
  // (provisioning, the first full build of each program), then what the app enqueues every two seconds.
  // The demo site holds two programs sharing the PLAT team; they are registered before the install event.
  const deliver = () => deliverQueue(runtime);
  if (target.demo) await runtime.runAsApp(() => seedDemoPrograms(clock()));
  await deliverInstallEvents(runtime, target.demo === true);
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
