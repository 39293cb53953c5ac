/**
 * End to end: the real built Custom UI in Chromium, inside the preview host, whose fake bridge sends
 * invokes to the real resolvers (through the Forge runtime double) against the Jira emulator.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startPreview, type RunningPreview } from '../../dev/preview';
import { launchChromium, type Browser } from './chromium';

const SHOTS = path.resolve(__dirname, '../../.tmp');
const HTML_SUMMARY = 'Show card brand logo <img src=x onerror=alert(1)>';

let preview: RunningPreview;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  preview = await startPreview({ port: 0 });
  browser = await launchChromium();
  page = await browser.context.newPage();
  // Any alert() from injected markup would land here; the inert-text test asserts there is none.
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

async function openAs(accountId: string, route: string): Promise<void> {
  await page.goto(`${preview.url}${route}`);
  // The user switcher is how a person changes user: it keeps the choice in a cookie and reloads.
  const current = await page.locator('#preview-user').inputValue();
  if (current !== accountId) {
    await Promise.all([
      page.waitForURL(`${preview.url}${route}`),
      page.selectOption('#preview-user', accountId),
    ]);
  }
}

const app = () => page.frameLocator('iframe.forge');

it('shows the program epics from the emulator on the project page', async () => {
  await openAs('admin', '/project/PAY');
  await app().getByText('Payments Onboarding').waitFor();
  await app().getByRole('link', { name: 'PAY-1', exact: true }).waitFor();
  await app().getByText('Checkout Onboarding').waitFor();
  await app().getByText('Program not configured yet').waitFor();
  await page.screenshot({ path: path.join(SHOTS, 'project-page.png'), fullPage: true });
});

it('saves the program settings on the admin page', async () => {
  await openAs('admin', '/admin');
  const name = app().locator('#program-name');
  await name.waitFor();
  await name.fill('Payments and Checkout');
  const projects = app().locator('#program-projects');
  for (const project of ['Payments (PAY)', 'Checkout (CHK)', 'Mobile (MOB)']) {
    await projects.fill(project.split(' ')[0] ?? project);
    await app().getByText(project, { exact: true }).click();
  }
  await app().getByRole('button', { name: 'Save' }).click();
  await app().getByTestId('saved-message').waitFor();
  await page.screenshot({ path: path.join(SHOTS, 'admin-page.png'), fullPage: true });
});

it('shows an admin field error next to the field', async () => {
  await openAs('admin', '/admin');
  const name = app().locator('#program-name');
  await name.waitFor();
  await name.fill('   ');
  await app().getByRole('button', { name: 'Save' }).click();
  await app().getByTestId('name-error').waitFor();
});

it('tells a user which program projects are hidden from them', async () => {
  await openAs('po-pay', '/project/PAY');
  await app().getByText('Payments Onboarding').waitFor();
  const hidden = await app().getByTestId('hidden-projects').textContent();
  expect(hidden).toContain('1 project hidden: no permission');
});

it('shows the no-permission state to a user who cannot browse the project', async () => {
  await openAs('outsider', '/project/PAY');
  await page.getByTestId('host-no-access').waitFor();
  expect(await page.locator('iframe.forge').count()).toBe(0);
});

it('lists what an issue needs and what needs it, across teams', async () => {
  await openAs('admin', '/issue/PAY-40');
  const needs = app().getByTestId('deps-needs');
  await needs.waitFor();
  await needs.getByRole('link', { name: 'CHK-40' }).waitFor();
  expect(await needs.getByText('cross-team').count()).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(SHOTS, 'issue-page.png'), fullPage: true });
});

it('renders an HTML summary from Jira as inert text', async () => {
  await openAs('admin', '/issue/PAY-65');
  expect(await page.getByTestId('issue-summary').textContent()).toBe(HTML_SUMMARY);
  await app().getByText(HTML_SUMMARY).first().waitFor();
  expect(await page.locator('main img').count()).toBe(0);
  expect(await app().locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

it('shows the CPO overview and saves the gadget configuration from edit mode', async () => {
  await openAs('cpo', '/dashboard?edit=1');
  await app().locator('#gadget-title').fill('Payments at a glance');
  await app().locator('#gadget-projects').fill('PAY');
  await Promise.all([
    page.waitForURL(`${preview.url}/dashboard`),
    app().getByRole('button', { name: 'Save' }).click(),
  ]);
  await app().getByRole('heading', { name: 'Payments at a glance' }).waitFor();
  await page.screenshot({ path: path.join(SHOTS, 'dashboard.png'), fullPage: true });
});

it('themes the Custom UI dark when the host switches theme', async () => {
  await openAs('admin', '/project/PAY');
  await page.getByRole('button', { name: 'Use dark theme' }).click();
  await app().getByText('Payments Onboarding').waitFor();
  const mode = await app().locator('html').getAttribute('data-color-mode');
  expect(mode).toBe('dark');
  await page.screenshot({ path: path.join(SHOTS, 'project-page-dark.png'), fullPage: true });
});
