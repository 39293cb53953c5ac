/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { draftPage } from '../../static/src/views/panel/draftPage';
import { board, epic } from './fixtures';
import { calls, failure, ok, renderView, replies, resetBridge } from './ui-harness';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('./ui-harness')>('./ui-harness').bridgeMock,
);

beforeEach(resetBridge);

const rows = [epic('PAY-1', 1), epic('PAY-2', 2), epic('CHK-1', 3)];
/** The table's rows are these epics, in this order (rows carry `epic-<key>` test ids). */
const expectRows = (keys: string[]) => {
  const shown = screen.getAllByTestId(/^epic-[A-Z]+-\d+$/);
  expect(shown).toHaveLength(keys.length);
  keys.forEach((key, i) => expect(shown[i]).toHaveAttribute('data-testid', `epic-${key}`));
};

async function startDryRun() {
  replies.set('panel/getBoard', () => ok(board({ rows })));
  renderView('panel/PanelView', {});
  await waitFor(() => expect(screen.getByTestId('epic-PAY-1')).toHaveAttribute('data-rbd-draggable-id'), {
    timeout: 8000,
  });
  fireEvent.click(screen.getByRole('button', { name: /Start a dry run/ }));
  return screen.findByTestId('dry-run', {}, { timeout: 8000 });
}

describe('a dry run of the MetaScrum order', () => {
  it('collects moves without saving them and shows the table as they would leave it', async () => {
    const dryRun = await startDryRun();
    fireEvent.click(screen.getByRole('button', { name: 'Move CHK-1 to the top' }));
    // The next move is made on the order shown: PAY-2 goes above PAY-1, below the moved CHK-1.
    fireEvent.click(screen.getByRole('button', { name: 'Move PAY-2 up' }));
    expectRows(['CHK-1', 'PAY-2', 'PAY-1']);
    expect(within(dryRun).getByTestId('dry-run-moves')).toHaveTextContent(
      /CHK-1 to the top\s*PAY-2 above PAY-1/,
    );
    expect(calls.some((c) => c.key === 'panel/moveEpic' || c.key === 'panel/applyMoves')).toBe(false);
    fireEvent.click(within(dryRun).getByRole('button', { name: 'Undo last move' }));
    expectRows(['CHK-1', 'PAY-1', 'PAY-2']);
  });

  it('previews the forecast of the draft, the order it would save', async () => {
    replies.set('panel/previewOrder', () => ok({ trials: 300, seed: 42, epics: [] }));
    const dryRun = await startDryRun();
    fireEvent.click(screen.getByRole('button', { name: 'Move CHK-1 to the top' }));
    fireEvent.click(
      await within(dryRun).findByRole(
        'button',
        { name: "Preview forecast: The dry run's 1 move" },
        { timeout: 8000 },
      ),
    );
    await waitFor(() =>
      expect(calls).toContainEqual({
        key: 'panel/previewOrder',
        payload: { order: ['CHK-1', 'PAY-1', 'PAY-2'] },
      }),
    );
    expect(await screen.findByTestId('forecast-preview-none')).toBeInTheDocument();
  });

  it('saves the moves as one change on the version seen, then ends the dry run', async () => {
    replies.set('panel/applyMoves', () => ok(board().order));
    const dryRun = await startDryRun();
    fireEvent.click(screen.getByRole('button', { name: 'Move CHK-1 to the top' }));
    // Down from PAY-1 names the row shown below it in the draft: PAY-2.
    fireEvent.click(screen.getByRole('button', { name: 'Move PAY-1 down' }));
    fireEvent.click(within(dryRun).getByRole('button', { name: 'Save 2 moves' }));
    await waitFor(() => expect(screen.queryByTestId('dry-run')).toBeNull());
    expect(calls).toContainEqual({
      key: 'panel/applyMoves',
      payload: {
        moves: [
          { key: 'CHK-1', to: 'top' },
          { key: 'PAY-1', to: 'after', anchor: 'PAY-2' },
        ],
        baseVersion: 4,
      },
    });
    expect(calls.some((c) => c.key === 'panel/moveEpic')).toBe(false);
  });

  it('keeps the draft and says so when someone else changed the order meanwhile', async () => {
    replies.set('panel/applyMoves', () => failure('CONFLICT', 'The order was changed by someone else.'));
    const dryRun = await startDryRun();
    fireEvent.click(screen.getByRole('button', { name: 'Move CHK-1 to the top' }));
    const loads = calls.filter((c) => c.key === 'panel/getBoard').length;
    fireEvent.click(within(dryRun).getByRole('button', { name: 'Save 1 move' }));
    expect(await within(dryRun).findByText(/changed by someone else/)).toBeInTheDocument();
    await waitFor(() =>
      expect(calls.filter((c) => c.key === 'panel/getBoard').length).toBeGreaterThan(loads),
    );
    expect(screen.getByTestId('dry-run-moves')).toHaveTextContent('CHK-1 to the top');
  });

  it('discards the draft: the table is the saved order again', async () => {
    const dryRun = await startDryRun();
    fireEvent.click(screen.getByRole('button', { name: 'Move CHK-1 to the top' }));
    fireEvent.click(within(dryRun).getByRole('button', { name: 'Discard dry run' }));
    expect(screen.queryByTestId('dry-run')).toBeNull();
    expectRows(['PAY-1', 'PAY-2', 'CHK-1']);
  });
});

describe('the page a dry run shows', () => {
  it('lets a move to the top leave a later page and one to the bottom leave an earlier page', () => {
    const page = [epic('A-1', 26), epic('A-2', 27), epic('A-3', 28)];
    const keys = (moves: Parameters<typeof draftPage>[1], place: { first: boolean; last: boolean }) =>
      draftPage(page, moves, place).map((r) => r.key);
    expect(keys([{ key: 'A-3', to: 'top' }], { first: false, last: false })).toEqual(['A-1', 'A-2']);
    expect(keys([{ key: 'A-3', to: 'top' }], { first: true, last: false })).toEqual(['A-3', 'A-1', 'A-2']);
    expect(keys([{ key: 'A-1', to: 'bottom' }], { first: false, last: false })).toEqual(['A-2', 'A-3']);
    expect(keys([{ key: 'A-1', to: 'bottom' }], { first: false, last: true })).toEqual(['A-2', 'A-3', 'A-1']);
    // A move of an epic on another page, or next to one, leaves this page as it is.
    expect(keys([{ key: 'B-1', to: 'top' }], { first: true, last: true })).toEqual(['A-1', 'A-2', 'A-3']);
    expect(keys([{ key: 'A-1', to: 'after', anchor: 'B-1' }], { first: true, last: true })).toEqual([
      'A-1',
      'A-2',
      'A-3',
    ]);
  });
});
