/**
 * End to end: the Scrum of Scrums subpage (issue 14) in Debian's Chromium against the preview (real
 * bridge, real resolvers, the Jira emulator), in light and dark mode: the rows, the program row, the
 * meeting mark, raising an impediment from a blocked item, and what dev-mob may see.
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

const openAs = (accountId: string, route: string, theme: 'light' | 'dark') =>
  session.openAs(accountId, route, theme);

const app = () => page.frameLocator('iframe.forge');

describe.each(['light', 'dark'] as const)('Scrum of Scrums subpage, %s mode', (theme) => {
  it('shows one row per team and the program row, with what blocks each team and what it waits for', async () => {
    await openAs('cpo', '/project/PAY/scrum-of-scrums', theme);
    await app()
      .getByRole('heading', { name: /^Scrum of Scrums: / })
      .waitFor();
    expect(await app().locator('html').getAttribute('data-color-mode')).toBe(theme);
    const mob = app().getByTestId('sos-team-MOB');
    expect(await mob.getByRole('link', { name: 'MOB-45' }).count()).toBeGreaterThan(0);
    expect(await mob.textContent()).toContain('blocked by MOB-93');
    expect(await mob.getByRole('link', { name: 'PLAT-71' }).count()).toBeGreaterThan(0);
    // PAY-93 reached Team a day before the preview's "now": always after the last working day began.
    expect(await app().getByTestId('sos-team-PAY').textContent()).toContain('PAY-93 raised at Team');
    // One row per program the user sees a team of: the demo's two programs, this page's first.
    expect(await app().getByTestId('sos-program').locator('th').allTextContents()).toEqual([
      'Checkout program',
      'Platform program',
    ]);
    await page.screenshot({ path: path.join(SHOTS, `sos-${theme}.png`), fullPage: true });
  });

  it('shows dev-mob only the MOB row, without the mark button', async () => {
    await openAs('dev-mob', '/project/MOB/scrum-of-scrums', theme);
    await app()
      .getByRole('heading', { name: /^Scrum of Scrums: / })
      .waitFor();
    expect(await app().locator('[data-testid^="sos-team-"]').count()).toBe(1);
    expect(
      await app()
        .getByRole('link', { name: /^PLAT-/ })
        .count(),
    ).toBe(0);
    expect(await app().getByRole('button', { name: 'Mark the meeting held now' }).count()).toBe(0);
  });
});

it('raises an impediment from a blocked item and marks the meeting held', async () => {
  await openAs('cpo', '/project/MOB/scrum-of-scrums', 'light');
  await app().getByRole('button', { name: 'Raise impediment for MOB-45' }).click();
  const form = app().getByRole('form', { name: 'Raise an impediment blocking MOB-45' });
  await form.getByLabel('Impediment').fill('Test device lab closed');
  await form.getByLabel('Why it blocks the work').fill('No device to test on');
  await form.getByLabel('Owner', { exact: true }).fill('nobody-here');
  await form.getByText('Nobody in Jira matches "nobody-here".').waitFor();
  await form.getByRole('button', { name: 'Raise impediment' }).click();
  await form.getByText('must name an owner').waitFor();
  // Picked by name from Jira's users, as the user types; the account id is what is sent.
  await form.getByLabel('Owner', { exact: true }).fill('Mo');
  await form.getByRole('option', { name: 'Mo Mobile (Dev)' }).click();
  await form.getByRole('button', { name: 'Raise impediment' }).click();
  await app()
    .getByText(/^MOB-\d+ now at Team; it blocks MOB-45\.$/)
    .waitFor();
  await app().getByRole('button', { name: 'Mark the meeting held now' }).click();
  await app()
    .getByTestId('sos-since')
    .getByText(/marked held/)
    .waitFor();
});

it("escalates the long-lived site's flagged item from the board: its Impediment issue is raised", async () => {
  await openAs('cpo', '/project/LEG/scrum-of-scrums', 'light');
  const leg = app().getByTestId('sos-team-LEG');
  await leg.getByRole('button', { name: 'Escalate LEG-3' }).click();
  await leg.getByLabel('Why escalate LEG-3').fill('The team cannot get the licence alone');
  await leg.getByRole('button', { name: 'Escalate', exact: true }).click();
  await leg.getByText(/^LEG-3 was flagged: LEG-\d+ now at Scrum of Scrums; it blocks LEG-3\.$/).waitFor();
});

it('logged no console error', () => {
  expect(consoleErrors).toEqual([]);
});
