/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { board } from './fixtures';
import { calls, failure, ok, renderView, replies, resetBridge } from './ui-harness';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('./ui-harness')>('./ui-harness').bridgeMock,
);

beforeEach(resetBridge);

const CONFLICT =
  'The MetaScrum order was changed by Chris Product meanwhile; nothing was saved. Reload and try again.';
const boardReads = () => calls.filter((c) => c.key === 'panel/getBoard').length;

async function openSuggestedOrder() {
  renderView('panel/PanelView', {});
  fireEvent.click(await screen.findByRole('tab', { name: 'Suggested order' }, { timeout: 8000 }));
}

describe('the suggested order', () => {
  it('accepts a single suggested move on its own, with the order version the board was loaded with', async () => {
    replies.set('panel/getBoard', () => ok(board()));
    replies.set('panel/acceptSuggestedMove', () => ok({ ...board().order, version: 5 }));
    await openSuggestedOrder();
    fireEvent.click(
      await screen.findByRole('button', { name: 'Accept the move of PAY-2 to rank 3' }, { timeout: 8000 }),
    );
    expect(await screen.findByTestId('accepted-message')).toHaveTextContent('PAY-2 moved to rank 3.');
    expect(calls).toContainEqual({
      key: 'panel/acceptSuggestedMove',
      payload: { key: 'PAY-2', baseVersion: 4 },
    });
    expect(calls.some((c) => c.key === 'panel/acceptSuggestedOrder')).toBe(false);
    await waitFor(() => expect(boardReads()).toBe(2));
  });

  it('shows no stale move while the suggestion is recalculated after an accept, then the fresh list', async () => {
    const stale = board({ analysis: { state: 'stale', computedAt: '2026-11-20T09:00:00Z' } });
    const fresh = board({ suggestion: { moves: [], inversions: [], moveCount: 0, inversionCount: 0 } });
    let reads = 0;
    replies.set('panel/getBoard', () => ok(++reads === 1 ? board() : reads === 2 ? stale : fresh));
    replies.set('panel/acceptSuggestedMove', () => ok({ ...board().order, version: 5 }));
    await openSuggestedOrder();
    fireEvent.click(
      await screen.findByRole('button', { name: 'Accept the move of PAY-2 to rank 3' }, { timeout: 8000 }),
    );
    await waitFor(() => expect(screen.getByTestId('inversions-pending')).toBeInTheDocument());
    expect(screen.queryByTestId('move-PAY-2')).toBeNull();
    expect(await screen.findByText('Nothing to move', {}, { timeout: 8000 })).toBeInTheDocument();
  });

  it.each([
    ['a single move', 'panel/acceptSuggestedMove' as const, 'Accept the move of PAY-2 to rank 3'],
    ['the whole order', 'panel/acceptSuggestedOrder' as const, 'Accept suggested order'],
  ])(
    'applied a second time on the old version (%s) shows the CONFLICT message and reloads the board',
    async (_what, key, button) => {
      // The board has not reloaded yet when the second click comes: it still carries version 4.
      replies.set('panel/getBoard', () => ok(board()));
      let applies = 0;
      replies.set(key, () =>
        ++applies === 1 ? ok({ ...board().order, version: 5 }) : failure('CONFLICT', CONFLICT),
      );
      await openSuggestedOrder();
      fireEvent.click(await screen.findByRole('button', { name: button }, { timeout: 8000 }));
      await screen.findByTestId('accepted-message');
      await waitFor(() => expect(boardReads()).toBe(2));
      fireEvent.click(await screen.findByRole('button', { name: button }, { timeout: 8000 }));
      expect(await screen.findByTestId('error-message')).toHaveTextContent(CONFLICT);
      expect(screen.getByText('Changed by someone else meanwhile')).toBeInTheDocument();
      expect(calls.filter((c) => c.key === key).map((c) => c.payload)).toEqual([
        expect.objectContaining({ baseVersion: 4 }),
        expect.objectContaining({ baseVersion: 4 }),
      ]);
      await waitFor(() => expect(boardReads()).toBe(3));
    },
  );

  it('offers no accept to someone who cannot reorder', async () => {
    replies.set('panel/getBoard', () =>
      ok(board({ order: { ...board().order, canReorder: false, reorderNote: 'spans every team' } })),
    );
    await openSuggestedOrder();
    expect(await screen.findByTestId('move-PAY-2', {}, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Accept/ })).toBeNull();
  });
});
