/**
 * End to end: the project page's working surfaces beyond the MetaScrum panel (issue 14), in Debian's
 * Chromium against the preview (real bridge, real resolvers, the Jira emulator), in light and dark mode.
 */
import type { Page } from 'playwright-core';
import type { RunningPreview } from '../../dev/preview';
import { openPreviewSession, SHOTS, type PreviewSession } from './preview-session';
import path from 'node:path';

let session: PreviewSession;
let preview: RunningPreview;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  session = await openPreviewSession();
  ({ preview, page, consoleErrors } = session);
});

afterAll(async () => {
  await session?.close();
});

const openAs = (accountId: string, route: string, theme: 'light' | 'dark') =>
  session.openAs(accountId, route, theme);

const app = () => page.frameLocator('iframe.forge');
const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

describe.each(['light', 'dark'] as const)('impediment backlogs subpage, %s mode', (theme) => {
  it('shows the EAT backlog, each level with what it blocks, and the metrics charts', async () => {
    await openAs('cpo', '/project/PAY/impediments', theme);
    await app().getByRole('heading', { name: 'Impediment backlogs' }).waitFor();
    expect(await app().locator('html').getAttribute('data-color-mode')).toBe(theme);
    const eat = app().getByRole('table', { name: 'Executive Action Team: own backlog' });
    expect(await eat.getByTestId('impediment-row-CHK-94').textContent()).toContain('No SLA');
    const sos = app().getByTestId('level-Scrum of Scrums');
    const mob = sos.getByTestId('impediment-row-MOB-93');
    expect(await mob.getByRole('link', { name: 'MOB-45' }).count()).toBe(1);
    await app()
      .getByRole('img', { name: /^Week of / })
      .first()
      .waitFor();
    expect(
      await app()
        .getByRole('img', { name: /^Week of / })
        .count(),
    ).toBe(4);
    await app().getByRole('button', { name: 'Team', exact: true }).click();
    expect(await app().getByTestId('level-Scrum of Scrums').count()).toBe(0);
    await shot(`impediments-${theme}`);
  });

  it('shows dev-mob only the MOB impediments', async () => {
    await openAs('dev-mob', '/project/MOB/impediments', theme);
    await app().getByRole('heading', { name: 'Impediment backlogs' }).waitFor();
    const keys: string[] = [];
    for (const row of await app().locator('[data-testid^="impediment-row-"]').all())
      keys.push((await row.getAttribute('data-testid')) ?? '');
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.startsWith('impediment-row-MOB-'))).toBe(true);
  });
});

it('links the project page tabs and refuses a project the user cannot browse', async () => {
  await openAs('admin', '/project/PAY', 'light');
  await page.getByTestId('project-tabs').getByRole('link', { name: 'Impediment backlogs' }).click();
  await app().getByRole('heading', { name: 'Impediment backlogs' }).waitFor();
  const before = consoleErrors.length;
  await openAs('outsider', '/project/PAY/impediments', 'light');
  await page.getByTestId('host-no-access').waitFor();
  // The browser logs the host's 404 page as a failed load: expected here, and only that.
  const logged = consoleErrors.splice(before);
  expect(logged.every((e) => e.includes('404') && e.includes('/project/PAY/impediments'))).toBe(true);
  expect((await page.request.get(`${preview.url}/project/PAY/nothing-here`)).status()).toBe(404);
});

it('logged no console error', () => {
  expect(consoleErrors).toEqual([]);
});
