/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { board } from './fixtures';
import { calls, ok, renderView, replies, resetBridge } from './ui-harness';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('./ui-harness')>('./ui-harness').bridgeMock,
);

beforeEach(resetBridge);

const TEAMS = ['PAY', 'CHK', 'MOB'];
const item = (n: number) => ({
  key: `PAY-${n + 100}`,
  summary: `Story ${n}`,
  team: TEAMS[n % 3] ?? null,
  epic: 'PAY-1',
  epicRank: n + 1,
  points: 3,
  failing: [{ id: 'estimated', reason: 'has no story points', required: n % 2 === 0 }],
});
const analysis = { state: 'ready', computedAt: '2026-11-20T09:00:00Z' };
/** An agenda of `total` items, answered up to the limit asked for, as the resolver does. */
function answerAgenda(total: number) {
  replies.set('panel/getAgenda', (payload) => {
    const limit = (payload as { limit?: number }).limit ?? 25;
    const items = Array.from({ length: Math.min(limit, total) }, (_, n) => item(n));
    return ok({ items, more: Math.max(0, total - limit), analysis });
  });
}
const agendaLimits = () =>
  calls.filter((c) => c.key === 'panel/getAgenda').map((c) => (c.payload as { limit: number }).limit);
const shownRows = () => within(screen.getByTestId('agenda')).getAllByTestId(/^agenda-PAY-/);

async function openAgenda() {
  replies.set('panel/getBoard', () => ok(board()));
  renderView('panel/PanelView', {});
  fireEvent.click(await screen.findByRole('tab', { name: 'Refinement agenda' }, { timeout: 8000 }));
  await screen.findByTestId('agenda-PAY-100', {}, { timeout: 8000 });
}

describe('the refinement agenda', () => {
  it('is a DynamicTable with "Show more" and "Show all", and pages a long agenda instead of rendering it at once', async () => {
    answerAgenda(250);
    await openAgenda();
    expect(shownRows()).toHaveLength(25);
    expect(screen.getByTestId('agenda-more')).toHaveTextContent('and 225 more not-ready items');
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(shownRows()).toHaveLength(50));
    fireEvent.click(screen.getByRole('button', { name: 'Show all' }));
    await waitFor(() =>
      expect(screen.getByText('Not-ready items by epic rank: 250 items')).toBeInTheDocument(),
    );
    expect(agendaLimits()).toEqual([25, 50, 300]);
    // 250 items, 100 on a page: never more rows in the page than one page holds.
    expect(shownRows()).toHaveLength(100);
    expect(screen.queryByTestId('agenda-more')).toBeNull();
    expect(screen.getByTestId('agenda-table--pagination--current-page-0')).toHaveTextContent('1');
    // Page 3 (index 2); by test id, as a role query over a 100-row table is slow in jsdom.
    fireEvent.click(screen.getByTestId('agenda-table--pagination--page-2'));
    await waitFor(() => expect(shownRows()).toHaveLength(50));
    expect(screen.getByTestId('agenda-PAY-349')).toBeInTheDocument();
  });

  it('sorts by team on its header, keeping each item’s failing rules', async () => {
    answerAgenda(6);
    await openAgenda();
    fireEvent.click(screen.getByRole('button', { name: 'Team' }));
    // The team cells (Lozenges say "estimated", summaries "Story n": only team cells read a bare key).
    await waitFor(() => {
      const cells = within(screen.getByTestId('agenda')).getAllByText(/^(CHK|MOB|PAY)$/);
      ['CHK', 'CHK', 'MOB', 'MOB', 'PAY', 'PAY'].forEach((team, n) =>
        expect(cells[n]).toHaveTextContent(team),
      );
      expect(cells).toHaveLength(6);
    });
    expect(within(screen.getByTestId('agenda-PAY-100')).getByText('estimated')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show all' })).toBeNull();
  });
});
