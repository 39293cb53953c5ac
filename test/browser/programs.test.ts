/**
 * End to end: several programs per site (issue 14) in the preview, whose demo site holds the Checkout
 * program (every team) and the Platform program (PLAT, SRCH): the project page's program switcher, and
 * the admin page creating, renaming and deleting a program.
 */
import type { Page } from 'playwright-core';
import path from 'node:path';
import { openPreviewSession, SHOTS, type PreviewSession } from './preview-session';

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

const app = () => page.frameLocator('iframe.forge');

/** Reads until `ok` holds (the page answers asynchronously), failing with the last value after 15 s. */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let waited = 0; !ok(value) && waited < 15_000; waited += 200) {
    await page.waitForTimeout(200);
    value = await read();
  }
  if (!ok(value)) throw new Error(`still ${JSON.stringify(value)}`);
  return value;
}
const epicKeys = async () =>
  (await app().getByTestId('key-cell').locator('a').allTextContents()).map((k) => k.trim());

it('switches the PLAT project page between the two programs it belongs to', async () => {
  await session.openAs('cpo', '/project/PLAT');
  const switcher = app().getByRole('combobox', { name: 'Program' });
  await switcher.waitFor();
  expect(await switcher.locator('option').allTextContents()).toEqual([
    'Checkout program',
    'Platform program',
  ]);
  await app().getByTestId('epic-table').first().waitFor();
  const checkout = await epicKeys();
  expect(checkout.some((k) => k.startsWith('PAY-'))).toBe(true);
  await switcher.selectOption({ label: 'Platform program' });
  await app().getByTestId('epic-table').first().waitFor();
  await eventually(epicKeys, (keys) => keys.length > 0 && keys.every((k) => /^(PLAT|SRCH)-/.test(k)));
  expect((await epicKeys()).length).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(SHOTS, 'program-switcher.png'), fullPage: true });
  // The choice is remembered for the project.
  await session.openAs('cpo', '/project/PLAT');
  await app().getByTestId('epic-table').first().waitFor();
  expect(await app().getByRole('combobox', { name: 'Program' }).inputValue()).toBe('platform');
});

it('shows no switcher on a project in one program', async () => {
  await session.openAs('cpo', '/project/PAY');
  await app().getByTestId('epic-table').first().waitFor();
  expect(await app().getByRole('combobox', { name: 'Program' }).count()).toBe(0);
});

it('creates, renames and deletes a program on the admin page, deleting only after a confirmation', async () => {
  await session.openAs('admin', '/admin');
  const programs = app().getByRole('region', { name: 'Programs' });
  await programs.getByLabel('New program').fill('Mobile program');
  await programs.getByRole('button', { name: 'Create program' }).click();
  const select = programs.getByLabel('Program whose settings this page edits');
  const checked = () => select.locator('option:checked').textContent();
  await eventually(checked, (text) => text?.startsWith('Mobile program') ?? false);
  await programs.getByLabel('New name for Mobile program').fill('Mobile');
  await programs.getByRole('button', { name: 'Rename' }).click();
  await eventually(checked, (text) => text?.startsWith('Mobile (') ?? false);
  await programs.getByRole('button', { name: 'Delete Mobile…' }).click();
  await programs.getByText('Delete the program Mobile?').waitFor();
  await programs.getByRole('button', { name: 'Cancel' }).click();
  expect(await select.locator('option').count()).toBe(3);
  await programs.getByRole('button', { name: 'Delete Mobile…' }).click();
  await programs.getByRole('button', { name: 'Delete program' }).click();
  const names = await eventually(
    () => select.locator('option').allTextContents(),
    (all) => all.length === 2,
  );
  expect(names.some((n) => n.includes('Mobile'))).toBe(false);
});

it('logged no console error', () => {
  expect(consoleErrors).toEqual([]);
});
