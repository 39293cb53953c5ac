/**
 * End to end: the escalation ladder in the issue-context panel and impediment provisioning on the admin
 * page, in Debian's Chromium against the preview (real bridge, real resolvers, the Jira emulator).
 */
import type { Page } from 'playwright-core';
import { openPreviewSession, SHOTS, type PreviewSession } from './preview-session';
import path from 'node:path';

let session: PreviewSession;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  session = await openPreviewSession();
  ({ page, consoleErrors } = session);
});

afterAll(async () => {
  await session?.close();
});

const openAs = (accountId: string, route: string) => session.openAs(accountId, route);

const app = () => page.frameLocator('iframe.forge');
const ladder = () => app().getByRole('region', { name: 'Escalation ladder' });

describe('the escalation ladder on an impediment', () => {
  it('shows CHK-93 past its Team SLA and escalates it to the Scrum of Scrums with a reason', async () => {
    await openAs('admin', '/issue/CHK-93');
    await ladder().waitFor();
    expect(await ladder().textContent()).toContain('SLA breached');
    await ladder()
      .getByLabel('Reason (required)')
      .fill('Needs the other teams: the payment provider is down');
    await ladder().getByRole('button', { name: 'Escalate to Scrum of Scrums' }).click();
    await ladder().getByRole('button', { name: 'Escalate to Scrum of Scrums of Scrums' }).waitFor();
    expect(await ladder().textContent()).toContain('the payment provider is down');
    await page.screenshot({ path: path.join(SHOTS, 'impediment.png'), fullPage: true });
  });

  it('refuses to move an impediment without a reason, naming the field', async () => {
    await openAs('admin', '/issue/SRCH-93');
    await ladder().waitFor();
    await ladder()
      .getByRole('button', { name: /^Escalate to/ })
      .click();
    await ladder()
      .getByText(/reason/i)
      .first()
      .waitFor();
    expect(await ladder().textContent()).toContain('Scrum of Scrums');
  });

  it('shows no ladder on a story', async () => {
    await openAs('admin', '/issue/PAY-40');
    await app().getByTestId('status-badges').waitFor();
    await app().getByTestId('readiness').waitFor();
    expect(await ladder().count()).toBe(0);
  });
});

describe('impediment provisioning on the admin page', () => {
  it('provisions the Impediment type and the level field from the admin page', async () => {
    await openAs('admin', '/admin');
    const section = app().getByRole('region', { name: 'Impediment issue type and escalation field' });
    await section.waitFor();
    // The preview delivered the install event as Forge would: provisioned before the first visit.
    await section.getByText('Provisioned').waitFor();
    expect(await section.textContent()).toContain('Impediment (id');
    expect(await section.textContent()).toContain('attempt 1');
    await section.getByRole('button', { name: 'Retry provisioning' }).click();
    await section.getByText(/attempt 2/).waitFor({ timeout: 30_000 });
    expect(await section.textContent()).toContain('Provisioned');
    await page.screenshot({ path: path.join(SHOTS, 'admin-provisioning.png'), fullPage: true });
  });
});

it('logged no console errors', () => {
  expect(consoleErrors).toEqual([]);
});
