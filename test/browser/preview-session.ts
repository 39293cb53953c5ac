/** One preview and one Chromium page for a browser test file, with the page's console errors collected. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startPreview, type RunningPreview } from '../../dev/preview';
import { launchChromium } from './chromium';

/** Screenshots go to the git-ignored .tmp/. */
export const SHOTS = path.resolve(__dirname, '../../.tmp');

export interface PreviewSession {
  preview: RunningPreview;
  page: Page;
  /** Console errors and uncaught page errors, in order. */
  consoleErrors: string[];
  /**
   * Opens `route` as `accountId` the way the user switcher does (a GET that keeps the choice in a cookie
   * and comes back to `route`), so the page is never first opened as the previous user.
   */
  openAs(accountId: string, route: string, theme?: 'light' | 'dark'): Promise<void>;
  close(): Promise<void>;
}

export async function openPreviewSession(): Promise<PreviewSession> {
  mkdirSync(SHOTS, { recursive: true });
  const preview = await startPreview({ port: 0 });
  const browser = await launchChromium();
  const page = await browser.context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return {
    preview,
    page,
    consoleErrors,
    openAs: async (accountId, route, theme) => {
      const query = new URLSearchParams({ user: accountId, ...(theme ? { theme } : {}), back: route });
      await page.goto(`${preview.url}/__preview/switch?${query.toString()}`);
    },
    close: async () => {
      await browser.close();
      await preview.close();
    },
  };
}
