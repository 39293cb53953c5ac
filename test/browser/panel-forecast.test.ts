/**
 * End to end: the MetaScrum backlog in the preview shows each epic's forecast from the stored analysis,
 * sorts by it on the server, and lists the slip alerts above the table.
 */
import type { Page } from 'playwright-core';
import { openPreviewSession, type PreviewSession } from './preview-session';

let session: PreviewSession;
let page: Page;

beforeAll(async () => {
  session = await openPreviewSession();
  ({ page } = session);
});

afterAll(async () => {
  await session?.close();
});

const app = () => page.frameLocator('iframe.forge');

it('shows the P85 forecast of the demo epics, sorts by it, and lists the slip alerts', async () => {
  await session.openAs('cpo', '/project/PAY');
  await app().getByTestId('epic-table').first().waitFor();
  await app().getByTestId('slip-alerts').filter({ hasText: 'Slip alerts (' }).waitFor();
  await app().getByRole('button', { name: 'Forecast (P85)' }).click();
  await app().getByText('Epics by Forecast (P85), ascending').waitFor();
  const first = await app().getByTestId('forecast-cell').first().textContent();
  expect(first).toMatch(/^\d{4}-\d{2}-\d{2}P50 \d{4}-\d{2}-\d{2}/);
});

it('previews how the suggested order would move the epics’ forecasts, before saving anything', async () => {
  await session.openAs('cpo', '/project/PAY');
  await app().getByRole('tab', { name: 'Suggested order' }).click();
  await app().getByRole('button', { name: 'Preview forecast: The suggested order' }).click();
  const table = app().getByTestId('forecast-preview-table');
  await table.waitFor({ timeout: 20_000 });
  expect(await table.textContent()).toMatch(/300 trials/);
  const rows = table.locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(0);
  expect(await rows.first().textContent()).toMatch(/\d+ → \d+/);
  // A preview is not an accept: the suggestion is still pending, with its accept button.
  await app().getByRole('button', { name: 'Accept suggested order' }).waitFor();
});
