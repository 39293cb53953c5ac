/**
 * End to end: the real built Custom UI in Chromium, inside the preview host, whose fake bridge sends
 * invokes to the real resolvers (through the Forge runtime double) against the Jira emulator. Asserts
 * the demo program's known answers (dev/emulator/DATASET.md, test/domain/demo-program-answers.test.ts).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startPreview, type RunningPreview } from '../../dev/preview';
import { launchChromium, type Browser } from './chromium';

const SHOTS = path.resolve(__dirname, '../../.tmp');
const HTML_SUMMARY = 'Show card brand logo <img src=x onerror=alert(1)>';
const HORIZONS = { CHK: '2.68', MOB: '2.92', PAY: '2.90', PLAT: '2.96', SRCH: '3.06' };

let preview: RunningPreview;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];
const consoleErrors: string[] = [];

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
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) consoleErrors.push(`${response.status()} ${response.url()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

async function openAs(accountId: string, route: string): Promise<void> {
  // What the user switcher submits (a GET form): it keeps the choice in a cookie and comes back to
  // `back`, so the page is never first opened as the previous user.
  const back = encodeURIComponent(route);
  await page.goto(`${preview.url}/__preview/switch?user=${encodeURIComponent(accountId)}&back=${back}`);
  expect(await page.locator('#preview-user').inputValue()).toBe(accountId);
}

async function useTheme(theme: 'light' | 'dark', route: string): Promise<void> {
  await page.goto(`${preview.url}/__preview/switch?theme=${theme}&back=${encodeURIComponent(route)}`);
}

const app = () => page.frameLocator('iframe.forge');
/** What the check below reads of an element in the page (this project's TypeScript has no DOM types). */
interface PageElement {
  textContent: string | null;
  ownerDocument: {
    createRange(): {
      selectNodeContents(node: PageElement): void;
      getClientRects(): ArrayLike<{ top: number }>;
    };
  };
}

/** Run in the page: the texts of the elements whose text lies on more than one line. */
function wrappedTexts(elements: PageElement[]): Array<string | null> {
  return elements
    .filter((element) => {
      const text = element.ownerDocument.createRange();
      text.selectNodeContents(element);
      return new Set(Array.from(text.getClientRects(), (line) => Math.round(line.top))).size > 1;
    })
    .map((element) => element.textContent);
}
const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
const rankOf = (key: string) => app().getByTestId(`epic-${key}`).getByTestId('rank').textContent();

describe('MetaScrum panel', () => {
  it('shows every team’s horizon against the 2-4 band, the inversion and the conflicts of the demo', async () => {
    await openAs('admin', '/project/PAY');
    await app().getByRole('heading', { name: 'Checkout program: MetaScrum backlog' }).waitFor();
    for (const [team, sprints] of Object.entries(HORIZONS)) {
      const row = app().getByTestId(`horizon-${team}`);
      expect(await row.textContent()).toContain(`${sprints} sprints`);
      expect(await row.textContent()).toContain('green');
    }
    await app().getByRole('link', { name: 'PAY-1', exact: true }).waitFor();
    expect(await app().getByTestId('epic-PAY-2').textContent()).toContain('rank inversion');
    await shot('panel-backlog');
  });

  it('sorts on the server and filters by team', async () => {
    await app().getByRole('button', { name: 'WSJF' }).click();
    // WSJF opens highest first.
    await app().locator('th[aria-sort="descending"]').getByText('WSJF').waitFor();
    await app().locator('#filter-team').selectOption('PLAT');
    await app()
      .getByText(/Page 1 of 1 \(8 epics\)/)
      .waitFor();
    expect(await app().getByTestId('epic-table').textContent()).not.toContain('PAY-1');
  });

  it('keeps a reorder across a reload and says who made it', async () => {
    await openAs('admin', '/project/PAY');
    await app().getByRole('button', { name: 'Move PAY-3 to the top' }).click();
    await app().getByText('moved PAY-3 to the top').waitFor();
    expect(await rankOf('PAY-3')).toBe('1');
    await page.reload();
    await app().getByTestId('epic-PAY-3').waitFor();
    expect(await rankOf('PAY-3')).toBe('1');
    expect(await app().getByTestId('order-note').textContent()).toContain('Ada Admin');
  });

  it('shows the suggested order with reasons and the PAY-2 above PLAT-1 inversion', async () => {
    await app().getByRole('tab', { name: 'Suggested order' }).click();
    const inversions = app().getByTestId('inversions');
    await inversions.waitFor();
    expect(await inversions.textContent()).toContain('PAY-2 is ranked above PLAT-1');
    expect(await app().getByTestId('move-PAY-2').textContent()).toContain('waits for PLAT-1');
    await shot('panel-suggested');
  });

  it('draws the dependency map with conflicts and the cycle’s epics marked', async () => {
    await app().getByRole('tab', { name: 'Dependency map' }).click();
    const map = app().getByTestId('dependency-map');
    await map.waitFor();
    expect(await map.locator('path[data-status="conflict"]').count()).toBeGreaterThan(0);
    for (const epic of ['PAY-7', 'CHK-7', 'SRCH-7']) {
      expect(await app().getByTestId(`map-node-${epic}`).locator('title').textContent()).toContain('cycle');
    }
    await shot('panel-map');
  });

  it('lists the refinement agenda with the failing Definition-of-Ready rules', async () => {
    await app().getByRole('tab', { name: 'Refinement agenda' }).click();
    const agenda = app().getByTestId('agenda');
    await agenda.waitFor();
    expect(await agenda.locator('li').count()).toBeGreaterThan(0);
    await shot('panel-agenda');
  });

  it('previews and applies the rank flow for one team, reporting what Jira did', async () => {
    await app().getByRole('tab', { name: 'Flow rank to teams' }).click();
    const first = app().locator('[data-testid^="rank-team-"]').first();
    await first.waitFor();
    await first.locator('input[type="checkbox"]').check();
    await app()
      .getByRole('button', { name: /Apply to 1 team/ })
      .click();
    await app().getByTestId('rank-result').waitFor();
    expect(await app().getByTestId('rank-result').textContent()).toMatch(/re-ranked/);
    await shot('panel-rank-flow');
  });

  it('fits a 1,000-pixel project page: every key on one line, and only the backlog table scrolls sideways', async () => {
    // A 1,000-pixel project page: the long forecast notes of the SRCH epics squeeze the Epic column.
    await page.setViewportSize({ width: 1000, height: 900 });
    try {
      await openAs('cpo', '/project/PAY');
      await app().locator('#filter-team').selectOption('SRCH');
      await app().getByRole('link', { name: 'SRCH-7', exact: true }).waitFor();
      const wrapped = await app().locator('table a[href*="/browse/"]').evaluateAll(wrappedTexts);
      expect(wrapped).toEqual([]);
      // The page itself is no wider than the frame, so the horizons and the headings above are not cut.
      const overflow = await app()
        .locator('html')
        .evaluate(
          (html: { scrollWidth: number; clientWidth: number }) => html.scrollWidth - html.clientWidth,
        );
      expect(overflow).toBeLessThanOrEqual(0);
      const tableOverflow = await app()
        .getByTestId('epic-table')
        .first()
        .evaluate(
          (table: { scrollWidth: number; clientWidth: number }) => table.scrollWidth - table.clientWidth,
        );
      expect(tableOverflow).toBeGreaterThan(0);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('tells a user which program projects are hidden from them, and that they cannot reorder', async () => {
    await openAs('po-pay', '/project/PAY');
    await app().getByTestId('order-note').waitFor();
    expect(
      await app()
        .getByRole('button', { name: /Move PAY-1/ })
        .count(),
    ).toBe(0);
  });

  it('shows the no-permission state to a user who cannot browse the project', async () => {
    await openAs('outsider', '/project/PAY');
    await page.getByTestId('host-no-access').waitFor();
    expect(await page.locator('iframe.forge').count()).toBe(0);
    // The host's own 404 page, not an error of the app.
    consoleErrors.splice(0);
  });
});

describe('issue context panel', () => {
  it('shows the cycle PAY-55 -> CHK-55 -> SRCH-55 and its conflicts, with the readiness checklist', async () => {
    await openAs('admin', '/issue/PAY-55');
    await app().getByTestId('status-badges').waitFor();
    expect(await app().getByTestId('cycle-with').textContent()).toMatch(/CHK-55.*SRCH-55/);
    const upstream = app().getByTestId('upstream').getByTestId('trail-SRCH-55');
    expect(await upstream.textContent()).toContain('conflict');
    expect(await app().getByTestId('status-badges').textContent()).toMatch(/[1-9] conflict/);
    await app().getByTestId('readiness').waitFor();
    await shot('issue-cycle');
  });

  it('shows the at-risk dependency CHK-40 -> PAY-40 across teams', async () => {
    await openAs('admin', '/issue/PAY-40');
    const needs = app().getByTestId('trail-CHK-40');
    await needs.waitFor();
    expect(await needs.textContent()).toContain('at risk');
    expect(await needs.textContent()).toContain('CHK');
  });

  it('renders an HTML summary from Jira as inert text', async () => {
    await openAs('admin', '/issue/PAY-65');
    expect(await page.getByTestId('issue-summary').textContent()).toBe(HTML_SUMMARY);
    expect(await app().getByTestId('context-summary').textContent()).toBe(HTML_SUMMARY);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await app().locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});

describe('CPO gadget', () => {
  it('answers the three steering questions and the cadence advice of the demo', async () => {
    await openAs('cpo', '/dashboard');
    await app().getByTestId('cadence-advice').waitFor();
    expect(await app().getByTestId('cadence-advice').textContent()).toBe('meet once a week');
    expect(await app().getByTestId('cell-MOB-PLAT').textContent()).toBe('2 (1)');
    // In dependency order, closed: PAY-55 blocks CHK-55 blocks SRCH-55 blocks PAY-55.
    expect(await app().getByTestId('cycles').textContent()).toContain('CHK-55 → SRCH-55 → PAY-55 → CHK-55');
    expect(await app().getByTestId('horizon-SRCH').textContent()).toContain('3.06 sprints');
    await app().getByTestId('impediment-ladder').waitFor();
    await shot('gadget');
  });

  it('forecasts where the top epics are going, with a burn-up fan and the slip alerts', async () => {
    await openAs('cpo', '/dashboard');
    await app().getByTestId('forecast').waitFor();
    expect(await app().locator('[data-testid^="forecast-"]').count()).toBe(10);
    expect(await app().getByTestId('forecast').textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await app().getByTestId('burn-up-fan').locator('svg polyline').count()).toBe(1);
    expect(await app().getByTestId('slip-alerts').textContent()).toContain('Slip alerts (0)');
    await shot('gadget-forecast');
  });

  it('saves the title, sections and auto-refresh from edit mode', async () => {
    await openAs('cpo', '/dashboard?edit=1');
    await app().locator('#gadget-title').fill('Payments at a glance');
    await app().locator('#section-cadence').uncheck();
    await app().locator('#gadget-refresh').fill('15');
    await shot('gadget-edit');
    await Promise.all([
      page.waitForURL(`${preview.url}/dashboard`),
      app().getByRole('button', { name: 'Save' }).click(),
    ]);
    await app().getByRole('heading', { name: 'Payments at a glance' }).waitFor();
    expect(await app().getByTestId('cadence-advice').count()).toBe(0);
  });
});

describe('admin page', () => {
  it('names the invalid field next to it and saves nothing', async () => {
    await openAs('admin', '/admin');
    await app().locator('#horizon-min').fill('5');
    await app().getByRole('button', { name: 'Save configuration' }).click();
    await app().getByTestId('error-horizon').waitFor();
    // A sentence naming the field, not the config path (issue 11 problem 13).
    expect(await app().getByTestId('error-horizon').textContent()).toBe(
      'Horizon: minimum sprints must not exceed the maximum sprints',
    );
  });

  it('saves a version, lists it and restores the previous one', async () => {
    await openAs('admin', '/admin');
    await app().locator('#program-name').fill('Payments and Checkout');
    await app().getByRole('button', { name: 'Save configuration' }).click();
    await app().getByTestId('saved-message').waitFor();
    await app().locator('#horizon-max').fill('5');
    await app().getByRole('button', { name: 'Save configuration' }).click();
    // Version 1 is the demo's own (the Checkout program, saved when the preview seeded its programs).
    await app().getByText('3 (current)').waitFor();
    await app().getByRole('button', { name: 'Restore version 2' }).click();
    await app().getByText('restored version 2').waitFor();
    expect(await app().locator('#horizon-max').inputValue()).toBe('4');
    await shot('admin');
  });

  it('rebuilds the snapshot with progress', async () => {
    await app().getByRole('button', { name: 'Rebuild snapshot now' }).click();
    await app().getByTestId('rebuild-done').waitFor({ timeout: 30_000 });
  });

  it('picks a ladder owner from Jira by name and keeps it by id across a reload', async () => {
    await openAs('admin', '/admin');
    await app().getByLabel('Level 4 owner', { exact: true }).fill('executive');
    await app().getByRole('option', { name: 'executive-action-team (group)' }).click();
    await app().getByLabel('Level 2 owner', { exact: true }).fill('Chris');
    await app().getByRole('option', { name: 'Chris Product (CPO)' }).click();
    await app().getByRole('button', { name: 'Save configuration' }).click();
    await app().getByTestId('saved-message').waitFor();
    await openAs('admin', '/admin');
    // Stored as ids; shown by name again once Jira has named them.
    await app().locator('input[aria-label="Level 4 owner"][value="executive-action-team (group)"]').waitFor();
    expect(await app().getByLabel('Level 2 owner', { exact: true }).inputValue()).toBe('Chris Product (CPO)');
  });
});

it('themes the Custom UI dark when the host switches theme', async () => {
  await openAs('admin', '/project/PAY');
  await useTheme('dark', '/project/PAY');
  await app().getByTestId('horizon-PAY').waitFor();
  expect(await app().locator('html').getAttribute('data-color-mode')).toBe('dark');
  await shot('panel-dark');
  await openAs('admin', '/issue/PAY-55');
  await app().getByTestId('readiness').waitFor();
  await shot('issue-dark');
  await useTheme('light', '/');
});

describe('home page', () => {
  it('links the demo’s telling places, each opening the issue as the user who shows it best', async () => {
    await openAs('admin', '/');
    const stops = page.getByTestId('demo-tour').getByRole('link');
    const labels = await stops.allTextContents();
    // 4 places of the engine, 4 impediments, the SoS board, the legacy site's flag, 2 as dev-mob.
    expect(labels).toHaveLength(11);
    expect(labels[0]).toContain('cycle PAY-55 → CHK-55 → SRCH-55 → PAY-55');
    expect(labels.filter((l) => l.startsWith('An impediment at'))).toHaveLength(4);
    const hrefs: string[] = [];
    for (const link of await stops.all()) hrefs.push((await link.getAttribute('href')) ?? '');
    expect(hrefs.at(-1)).toBe('/issue/MOB-41?as=dev-mob');
    for (const href of hrefs) {
      const reply = await page.request.get(`${preview.url}${href}`);
      expect([href, reply.status()]).toEqual([href, 200]);
    }
    await shot('home');
  });
});

it('logged no console errors in any view', () => {
  expect(consoleErrors).toEqual([]);
});
