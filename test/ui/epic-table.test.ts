/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { dropAsMove } from '../../static/src/views/panel/rankDrop';
import { board, epic } from './fixtures';
import { calls, ok, renderView, replies, resetBridge } from './ui-harness';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('./ui-harness')>('./ui-harness').bridgeMock,
);

beforeEach(resetBridge);

describe('a drop in the rankable backlog', () => {
  it('is sent as "after" the row it lands below, as the move buttons send it', () => {
    const down = { sourceIndex: 0, sourceKey: 'PAY-1', destination: { index: 2, afterKey: 'CHK-1' } };
    expect(dropAsMove(down)).toEqual({ key: 'PAY-1', to: 'after', anchor: 'CHK-1' });
  });

  it('is sent as "before" the first row when it lands at the top of the page', () => {
    const top = { sourceIndex: 2, sourceKey: 'CHK-1', destination: { index: 0, beforeKey: 'PAY-1' } };
    expect(dropAsMove(top)).toEqual({ key: 'CHK-1', to: 'before', anchor: 'PAY-1' });
  });

  it('sends nothing when the row is dropped where it was, or the drag is cancelled', () => {
    const same = { sourceIndex: 1, sourceKey: 'PAY-2', destination: { index: 1, afterKey: 'PAY-1' } };
    expect(dropAsMove(same)).toBeUndefined();
    expect(dropAsMove({ sourceIndex: 1, sourceKey: 'PAY-2' })).toBeUndefined();
  });
});

describe('the backlog table', () => {
  const expectRanks = (expected: string[]) => {
    const cells = screen.getAllByTestId('rank');
    expect(cells).toHaveLength(expected.length);
    expected.forEach((rank, i) => expect(cells[i]).toHaveTextContent(rank));
  };

  it('is Atlaskit’s DynamicTable, captioned with the MetaScrum order and how to reorder it', async () => {
    replies.set('panel/getBoard', () => ok(board()));
    renderView('panel/PanelView', {});
    const table = await screen.findByTestId('epic-table--table', {}, { timeout: 8000 });
    // Once its rankable rows are in (before, the caption says the reorder controls are loading).
    await waitFor(
      () =>
        expect(table).toHaveTextContent(
          'Epics in MetaScrum order: drag a row, or use its move buttons, to reorder',
        ),
      { timeout: 8000 },
    );
  });

  it('keeps the server’s order when sorted by WSJF highest first, and says so in the caption', async () => {
    // As the server sends them for WSJF, highest first: the table must not re-sort them.
    const rows = [
      epic('CHK-1', 3, { wsjf: 9 }),
      epic('PAY-1', 1, { wsjf: 2 }),
      epic('PAY-2', 2, { wsjf: 1 }),
    ];
    replies.set('panel/getBoard', () => ok(board({ rows })));
    renderView('panel/PanelView', {});
    fireEvent.click(await screen.findByRole('button', { name: 'WSJF' }, { timeout: 8000 }));
    await waitFor(() => expect(calls.at(-1)?.payload).toMatchObject({ sort: 'wsjf', order: 'desc' }));
    expect(await screen.findByText('Epics by WSJF, highest first')).toBeInTheDocument();
    expectRanks(['3', '1', '2']);
    expect(screen.getByRole('columnheader', { name: /WSJF/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('disables "up" and "to the top" on rank 1, so nothing is sent from there', async () => {
    replies.set('panel/getBoard', () => ok(board()));
    renderView('panel/PanelView', {});
    await waitFor(() => expect(screen.getByTestId('epic-PAY-1')).toHaveAttribute('data-rbd-draggable-id'), {
      timeout: 8000,
    });
    const up = screen.getByRole('button', { name: 'Move PAY-1 up' });
    fireEvent.click(up);
    fireEvent.click(screen.getByRole('button', { name: 'Move PAY-1 to the top' }));
    expect(calls.some((c) => c.key === 'panel/moveEpic')).toBe(false);
    expect(up).toBeDisabled();
  });
});

describe('the suggested order after a change', () => {
  it('shows no stale inversions beside "Nothing to move", and re-reads the board until the analysis is done', async () => {
    // What the board answers right after "Accept": the new order, the old analysis's inversions.
    const stale = board({
      analysis: { state: 'stale', computedAt: '2026-11-20T09:00:00Z' },
      suggestion: {
        moves: [],
        inversions: [{ higher: 'PAY-2', lower: 'PLAT-1', inCycle: false }],
        moveCount: 0,
        inversionCount: 1,
      },
    });
    const fresh = board({ suggestion: { moves: [], inversions: [], moveCount: 0, inversionCount: 0 } });
    let reads = 0;
    replies.set('panel/getBoard', () => ok(++reads === 1 ? stale : fresh));
    renderView('panel/PanelView', {});
    fireEvent.click(await screen.findByRole('tab', { name: 'Suggested order' }, { timeout: 8000 }));
    expect(await screen.findByTestId('inversions-pending', {}, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.queryByTestId('inversions')).toBeNull();
    expect(screen.queryByText('Nothing to move')).toBeNull();
    expect(await screen.findByText('Nothing to move', {}, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.getByText('No epic is ranked above an epic it needs.')).toBeInTheDocument();
    expect(reads).toBe(2);
  });

  it('explains an inversion that only breaking a cycle can fix, beside "Nothing to move"', async () => {
    const cycled = board({
      suggestion: {
        moves: [],
        inversions: [{ higher: 'SRCH-7', lower: 'CHK-7', inCycle: true }],
        moveCount: 0,
        inversionCount: 1,
      },
    });
    replies.set('panel/getBoard', () => ok(cycled));
    renderView('panel/PanelView', {});
    fireEvent.click(await screen.findByRole('tab', { name: 'Suggested order' }, { timeout: 8000 }));
    const item = await screen.findByTestId('inversion-SRCH-7', {}, { timeout: 8000 });
    expect(item).toHaveTextContent('need each other through a dependency cycle, so no order fixes this');
    expect(screen.getByText('Nothing to move')).toBeInTheDocument();
  });
});
