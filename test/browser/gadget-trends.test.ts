/**
 * End to end: the CPO gadget's trends (issue 14, item 5) in Debian's Chromium against the preview, whose
 * history the preview seeded by replaying the demo program at earlier dates, in light and dark mode.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openPreviewSession, SHOTS, type PreviewSession } from './preview-session';

let session: PreviewSession;
let page: Page;

beforeAll(async () => {
  session = await openPreviewSession();
  ({ page } = session);
});

afterAll(async () => {
  await session?.close();
});

const openAs = (accountId: string, theme: 'light' | 'dark') => session.openAs(accountId, '/dashboard', theme);

const app = () => page.frameLocator('iframe.forge');

describe.each(['light', 'dark'] as const)('the gadget’s trends, %s mode', (theme) => {
  it('draws each team’s numbers against 2, 4 and 8 weeks ago, labelled as demo history', async () => {
    await openAs('cpo', theme);
    const trends = app().getByTestId('trends');
    await trends.waitFor();
    expect(await app().locator('html').getAttribute('data-color-mode')).toBe(theme);
    expect(await trends.getByText('Demo history').count()).toBe(1);
    for (const team of ['CHK', 'MOB', 'PAY', 'PLAT', 'SRCH'])
      expect(await app().getByTestId(`trend-${team}`).locator('svg polyline').count()).toBe(6);
    const horizon = app().getByRole('img', {
      name: /^PAY horizon \(sprints\): now [\d.]+, 2 w ([\d.]+|—) · 4 w ([\d.]+|—) · 8 w ([\d.]+|—)$/,
    });
    expect(await horizon.count()).toBe(1);
    expect(await app().getByTestId('program-trends').textContent()).toContain('Dependency cycles');
    await page.screenshot({ path: path.join(SHOTS, `gadget-trends-${theme}.png`), fullPage: true });
  });
});

it('shows po-pay the trends of PAY and CHK only, without program-wide numbers', async () => {
  await openAs('po-pay', 'light');
  await app().getByTestId('trends').waitFor();
  const rows: string[] = [];
  for (const row of await app().locator('[data-testid^="trend-"]').all())
    rows.push((await row.getAttribute('data-testid')) ?? '');
  expect(rows.sort()).toEqual(['trend-CHK', 'trend-PAY']);
  expect(await app().getByTestId('program-trends').count()).toBe(0);
});
