/**
 * End to end: the MetaScrum backlog is Atlaskit's DynamicTable with rankable rows. A row dragged with the
 * mouse in Chromium (real pointer events, the library's own drag and drop) lands where it was dropped,
 * and the order persists across a reload.
 */
import type { Page } from 'playwright-core';
import type { RunningPreview } from '../../dev/preview';
import { openPreviewSession, type PreviewSession } from './preview-session';

let session: PreviewSession;
let preview: RunningPreview;
let page: Page;

beforeAll(async () => {
  session = await openPreviewSession();
  ({ preview, page } = session);
});

afterAll(async () => {
  await session?.close();
});

const app = () => page.frameLocator('iframe.forge');
const rankOf = (key: string) => app().getByTestId(`epic-${key}`).getByTestId('rank').textContent();
const keysInOrder = async () =>
  (await app().getByTestId('key-cell').locator('a').allTextContents()).slice(0, 4);

it('drags a backlog row with the mouse onto another row, and the new order survives a reload', async () => {
  await page.goto(`${preview.url}/__preview/switch?user=admin&back=${encodeURIComponent('/project/PAY')}`);
  await app().getByTestId('epic-table').first().waitFor();
  const before = await keysInOrder();
  const [first, second, third] = before;
  if (!first || !second || !third) throw new Error(`expected three rows, got ${before.join(', ')}`);
  const source = app().getByTestId(`epic-${third}`);
  const target = app().getByTestId(`epic-${first}`);
  // Wait for the rankable body (DynamicTable loads it lazily) before dragging.
  await app()
    .locator('[data-testid="epic-table"] [draggable="true"], [data-rbd-draggable-id]')
    .first()
    .waitFor();
  await source
    .locator('td')
    .nth(2)
    .dragTo(target.locator('td').nth(2), { targetPosition: { x: 5, y: 3 } });
  await app()
    .getByTestId('order-note')
    .filter({ hasText: `moved ${third} above ${first}` })
    .waitFor();
  expect(await rankOf(third)).toBe('1');
  await page.reload();
  await app().getByTestId(`epic-${third}`).waitFor();
  expect(await rankOf(third)).toBe('1');
  expect(await rankOf(first)).toBe('2');
});

it('accepts one suggested move on its own: that epic takes its suggested rank, the list updates', async () => {
  await page.goto(`${preview.url}/__preview/switch?user=cpo&back=${encodeURIComponent('/project/PAY')}`);
  await app().getByTestId('epic-table').first().waitFor();
  await app().getByRole('tab', { name: 'Suggested order' }).click();
  // The suggestion is shown once the analysis of the current order is done (the tab re-reads until then).
  const row = app().locator('[data-testid^="move-"]').first();
  await row.waitFor({ timeout: 30_000 });
  const key = (await row.getAttribute('data-testid'))?.slice('move-'.length) ?? '';
  const to = (await row.locator('td').nth(2).textContent())?.match(/\d+/)?.[0] ?? '';
  await row.getByRole('button', { name: `Accept the move of ${key} to rank ${to}` }).click();
  await app()
    .getByTestId('accepted-message')
    .filter({ hasText: `${key} moved to rank ${to}.` })
    .waitFor();
  await app()
    .getByTestId('order-note')
    .filter({ hasText: `accepted the suggested move of ${key} to rank ${to}` })
    .waitFor();
  await app()
    .getByRole('tab', { name: /Backlog/ })
    .click();
  await app().getByTestId(`epic-${key}`).waitFor();
  expect(await rankOf(key)).toBe(to);
});

it('runs a dry run: moves collect unsaved, their forecast is previewed, then they are saved as one change', async () => {
  await page.goto(`${preview.url}/__preview/switch?user=cpo&back=${encodeURIComponent('/project/PAY')}`);
  await app().getByTestId('epic-table').first().waitFor();
  await app().locator('[data-rbd-draggable-id]').first().waitFor();
  const before = await keysInOrder();
  const [first, , third] = before;
  if (!first || !third) throw new Error(`expected three rows, got ${before.join(', ')}`);
  await app()
    .getByRole('button', { name: /Start a dry run/ })
    .click();
  await app().getByTestId('dry-run').waitFor();
  await app()
    .getByRole('button', { name: `Move ${third} to the top` })
    .click();
  // Shown in the draft's order, not saved: a reload would show the saved order.
  expect((await keysInOrder())[0]).toBe(third);
  expect(await rankOf(third)).toBe('3');
  await app().getByRole('button', { name: "Preview forecast: The dry run's 1 move" }).click();
  await app()
    .getByTestId('forecast-preview-table')
    .or(app().getByTestId('forecast-preview-none'))
    .waitFor({ timeout: 30_000 });
  await app().getByRole('button', { name: 'Save 1 move' }).click();
  await app()
    .getByTestId('order-note')
    .filter({ hasText: `moved ${third} to the top` })
    .waitFor();
  await page.reload();
  await app().getByTestId(`epic-${third}`).waitFor();
  expect(await rankOf(third)).toBe('1');
  expect(await rankOf(first)).toBe('2');
});
