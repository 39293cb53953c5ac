/**
 * Every Custom UI iframe the host renders gets a Forge context (what `view.getContext()` returns) and a
 * localId. The server keeps them, so an invoke is run with the context and user of the frame that sent it,
 * as Forge does, rather than trusting what the iframe claims.
 */
import { randomUUID } from 'node:crypto';
import type { ForgeUiContext } from '../../test/doubles/forge-runtime';

export type ColorMode = 'light' | 'dark';

export type FrameExtension =
  | { type: 'jira:projectPage'; project: { id: string; key: string; type: string } }
  | {
      type: 'jira:issueContext';
      issue: { id: string; key: string; type: string };
      project: { id: string; key: string; type: string };
    }
  | { type: 'jira:dashboardGadget'; gadgetConfiguration: Record<string, unknown>; entryPoint?: 'edit' }
  | { type: 'jira:adminPage' };

const MODULE_KEY_BY_TYPE: Record<FrameExtension['type'], string> = {
  'jira:projectPage': 'metascrum-panel',
  'jira:issueContext': 'metascrum-dependencies',
  'jira:dashboardGadget': 'metascrum-cpo-gadget',
  'jira:adminPage': 'metascrum-admin',
};

export interface Frame {
  localId: string;
  accountId: string;
  context: ForgeUiContext;
  /** The project page's subpage route ('' for its first page): what `view.createHistory()` reports. */
  route: string;
}

/** Old frames are forgotten first: a long preview session must not grow without bound. */
const MAX_FRAMES = 500;

export class FrameRegistry {
  private readonly frames = new Map<string, Frame>();

  constructor(
    /** Known once the server listens (the port may be chosen by the OS). */
    public siteUrl: string,
    private readonly cloudId = 'preview-cloud-id',
  ) {}

  open(accountId: string, extension: FrameExtension, colorMode: ColorMode, route = ''): Frame {
    const localId = randomUUID();
    const moduleKey = MODULE_KEY_BY_TYPE[extension.type];
    const context: ForgeUiContext = {
      accountId,
      cloudId: this.cloudId,
      localId,
      moduleKey,
      siteUrl: this.siteUrl,
      environmentId: 'preview',
      environmentType: 'DEVELOPMENT',
      locale: 'en-US',
      timezone: 'UTC',
      extension: { ...extension },
      theme: { colorMode, dark: 'dark', light: 'light', spacing: 'spacing', typography: 'typography' },
    };
    const frame = { localId, accountId, context, route };
    this.frames.set(localId, frame);
    if (this.frames.size > MAX_FRAMES) {
      const oldest = this.frames.keys().next().value;
      if (oldest !== undefined) this.frames.delete(oldest);
    }
    return frame;
  }

  get(localId: unknown): Frame | undefined {
    return typeof localId === 'string' ? this.frames.get(localId) : undefined;
  }
}
