/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { fireEvent, screen, within } from '@testing-library/react';
import { board, epic } from './fixtures';
import { calls, failure, ok, renderView, replies, resetBridge } from './ui-harness';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('./ui-harness')>('./ui-harness').bridgeMock,
);

beforeEach(resetBridge);

const rows = [
  epic('PAY-1', 1),
  epic('PAY-2', 2, { suggestedRank: 3 }),
  epic('CHK-1', 3, { suggestedRank: 2 }),
];
const previewEpic = (
  key: string,
  ranks: [number, number],
  p85: [string, string],
  onTime: [number, number],
) => ({
  key,
  summary: `${key} summary`,
  currentRank: ranks[0],
  proposedRank: ranks[1],
  currentP85Date: p85[0],
  proposedP85Date: p85[1],
  dueDate: '2027-01-15',
  currentPOnTime: onTime[0],
  proposedPOnTime: onTime[1],
  unforecastable: null,
});

async function openPreview() {
  replies.set('panel/getBoard', () => ok(board({ rows })));
  renderView('panel/PanelView', {});
  fireEvent.click(await screen.findByRole('tab', { name: 'Suggested order' }, { timeout: 8000 }));
  fireEvent.click(
    await screen.findByRole('button', { name: 'Preview forecast: The suggested order' }, { timeout: 8000 }),
  );
}

describe('the reorder preview on the suggested order', () => {
  it('sends the whole suggested order and shows only the epics whose forecast moves', async () => {
    replies.set('panel/previewOrder', () =>
      ok({
        trials: 300,
        seed: 42,
        epics: [
          previewEpic('PAY-1', [1, 1], ['2026-12-25', '2026-12-25'], [0.9, 0.9]),
          previewEpic('CHK-1', [3, 2], ['2027-01-22', '2027-01-08'], [0.2, 0.7]),
          previewEpic('PAY-2', [2, 3], ['2027-01-08', '2027-01-22'], [0.6, 0.1]),
        ],
      }),
    );
    await openPreview();
    const table = await screen.findByTestId('forecast-preview-table', {}, { timeout: 8000 });
    expect(calls).toContainEqual({
      key: 'panel/previewOrder',
      payload: { order: ['PAY-1', 'CHK-1', 'PAY-2'] },
    });
    expect(calls).toContainEqual({
      key: 'panel/getBoard',
      payload: { sort: 'rank', order: 'asc', page: 1, pageSize: 100 },
    });
    expect(within(table).queryByTestId('forecast-preview-PAY-1')).toBeNull();
    expect(within(table).getByTestId('forecast-preview-CHK-1')).toHaveTextContent(
      /3 → 2\s*2027-01-22\s*2027-01-08\s*20%\s*70%/,
    );
    expect(within(table).getByTestId('forecast-preview-PAY-2')).toHaveTextContent(/2 → 3.*2027-01-22/);
    // A preview saves nothing.
    expect(calls.some((c) => c.key.startsWith('panel/accept') || c.key === 'panel/moveEpic')).toBe(false);
  });

  it('says so when no forecast would move, and shows a refusal with its field', async () => {
    replies.set('panel/previewOrder', () =>
      ok({
        trials: 300,
        seed: 42,
        epics: [previewEpic('PAY-1', [1, 1], ['2026-12-25', '2026-12-25'], [1, 1])],
      }),
    );
    await openPreview();
    expect(await screen.findByTestId('forecast-preview-none', {}, { timeout: 8000 })).toBeInTheDocument();

    replies.set('panel/previewOrder', () =>
      failure('BAD_PAYLOAD', 'order.1: is not an open epic of the program that you can see'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Preview forecast: The suggested order' }));
    expect(
      await screen.findByText(/order\.1: is not an open epic/, {}, { timeout: 8000 }),
    ).toBeInTheDocument();
  });

  it('previews one suggested move on its own, at once, beside its Accept', async () => {
    replies.set('panel/getBoard', () => ok(board()));
    replies.set('panel/previewOrder', () =>
      ok({
        trials: 300,
        seed: 42,
        epics: [previewEpic('PAY-2', [2, 3], ['2027-01-08', '2027-01-22'], [0.6, 0.1])],
      }),
    );
    renderView('panel/PanelView', {});
    fireEvent.click(await screen.findByRole('tab', { name: 'Suggested order' }, { timeout: 8000 }));
    fireEvent.click(
      await screen.findByRole(
        'button',
        { name: 'Preview the forecast with PAY-2 at rank 3' },
        { timeout: 8000 },
      ),
    );
    const row = await screen.findByTestId('forecast-preview-PAY-2', {}, { timeout: 8000 });
    expect(row).toHaveTextContent(/2 → 3.*2027-01-08.*2027-01-22.*60%.*10%/);
    // The fixture's board lists PAY-1, PAY-2, CHK-1: PAY-2 alone goes to rank 3.
    expect(calls).toContainEqual({
      key: 'panel/previewOrder',
      payload: { order: ['PAY-1', 'CHK-1', 'PAY-2'] },
    });
    expect(calls.some((c) => c.key === 'panel/acceptSuggestedMove')).toBe(false);
  });
});
