/**
 * Serves the built Custom UI (static/dist) the way Forge's CDN does, except index.html: the host
 * inserts the frame's context and the fake bridge ahead of the bundle, as Forge's own loader does.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import type { Frame } from './frames';
import { readString } from './jira-target';

export const DIST_DIR = path.resolve(__dirname, '../../static/dist');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

/** JSON inside a <script>: `<` escaped so no string from Jira can close the script element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028|\u2029/g, '');
}

export async function sendAppIndex(res: ServerResponse, frame: Frame): Promise<void> {
  const html = await readFile(path.join(DIST_DIR, 'index.html'), 'utf8');
  const injected =
    `<script>window.__METASCRUM_PREVIEW_FRAME__ = ${scriptJson({ localId: frame.localId, context: frame.context, route: frame.route })};</script>` +
    '<script src="/__preview/bridge.js"></script>';
  // Classic scripts in <head> run before the deferred module bundle: __bridge exists when it loads.
  send(res, 200, CONTENT_TYPES['.html'] ?? 'text/html', html.replace('<head>', `<head>${injected}`));
}

export async function sendDistFile(res: ServerResponse, relative: string): Promise<void> {
  const file = path.resolve(DIST_DIR, relative);
  if (!file.startsWith(DIST_DIR + path.sep)) return send(res, 403, 'text/plain', 'outside static/dist');
  try {
    const body = await readFile(file);
    send(res, 200, CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', body);
  } catch {
    send(res, 404, 'text/plain', `not in static/dist: ${relative} (run npm run build:ui)`);
  }
}

const THEMES = [
  'atlassian-light',
  'atlassian-dark',
  'atlassian-spacing',
  'atlassian-typography',
  'atlassian-shape',
];

const requireHere = createRequire(__filename);
let themeCss: string | undefined;

/** The design-token CSS Jira injects for `view.theme.enable()`, from the installed @atlaskit/tokens. */
export function tokenThemeCss(): string {
  themeCss ??= THEMES.map((theme) => {
    // require, not import(): jest's VM refuses dynamic import without --experimental-vm-modules.
    const artifact: unknown = requireHere(`@atlaskit/tokens/dist/cjs/artifacts/themes/${theme}.js`);
    return readString(artifact, 'default') ?? '';
  }).join('\n');
  return themeCss;
}
