/** The host's side of the fake bridge: invoke and submit, run for the frame that sent them. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ForgeRuntimeDouble, ResolverHandler } from '../../test/doubles/forge-runtime';
import { send } from './app-assets';
import type { FrameRegistry } from './frames';

export interface ApiDeps {
  runtime: ForgeRuntimeDouble;
  resolver: ResolverHandler;
  frames: FrameRegistry;
  gadgetConfigs: Map<string, Record<string, unknown>>;
}

const MAX_BODY_BYTES = 1024 * 1024;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body over 1 MiB');
    chunks.push(buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function prop(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

export async function handleInvoke(req: IncomingMessage, res: ServerResponse, deps: ApiDeps): Promise<void> {
  const body = await readJsonBody(req);
  const frame = deps.frames.get(prop(body, 'localId'));
  const functionKey = prop(body, 'functionKey');
  if (!frame)
    return sendJson(res, 410, { message: 'This page is stale (the preview restarted): reload it.' });
  if (typeof functionKey !== 'string') return sendJson(res, 400, { message: 'functionKey must be a string' });
  const call = { functionKey, payload: prop(body, 'payload') };
  try {
    const result = await deps.runtime.invoke(deps.resolver, call, {
      accountId: frame.accountId,
      context: frame.context,
    });
    console.log(JSON.stringify({ event: 'preview-invoke', functionKey, accountId: frame.accountId }));
    sendJson(res, 200, { result });
  } catch (error) {
    // Forge turns an exception in a resolver into a rejected invoke: so does the fake bridge.
    const message = error instanceof Error ? error.message : String(error);
    console.error(JSON.stringify({ event: 'preview-invoke-failed', functionKey, message }));
    sendJson(res, 500, { message: `The resolver threw: ${message}` });
  }
}

export async function handleSubmit(req: IncomingMessage, res: ServerResponse, deps: ApiDeps): Promise<void> {
  const body = await readJsonBody(req);
  const frame = deps.frames.get(prop(body, 'localId'));
  if (!frame)
    return sendJson(res, 410, { message: 'This page is stale (the preview restarted): reload it.' });
  if (
    frame.context.moduleKey !== 'metascrum-cpo-gadget' ||
    prop(frame.context.extension, 'entryPoint') !== 'edit'
  ) {
    return sendJson(res, 409, { message: 'Only a gadget in edit mode can submit.' });
  }
  const payload = prop(body, 'payload');
  const config: Record<string, unknown> =
    typeof payload === 'object' && payload !== null && !Array.isArray(payload)
      ? Object.fromEntries(Object.entries(payload))
      : {};
  deps.gadgetConfigs.set(frame.accountId, config);
  sendJson(res, 200, { ok: true });
}
