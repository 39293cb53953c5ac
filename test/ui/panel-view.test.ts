/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { fireEvent, prettyDOM, screen, waitFor, within } from '@testing-library/react';
import { board, HTML } from './fixtures';
import { calls, failure, ok, pending, renderView, replies, resetBridge } from './ui-harness';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('./ui-harness')>('./ui-harness').bridgeMock,
);

beforeEach(resetBridge);

/**
 * DynamicTable first shows plain rows, then swaps in its rankable rows once their lazy chunk is loaded;
 * until then the move buttons are disabled (test/ui/backlog-first-render.test.ts), so wait for the
 * rankable rows and for the button to be enabled.
 */
async function moveButton(name: string): Promise<HTMLElement> {
  await waitFor(() => expect(screen.getByTestId('epic-PAY-1')).toHaveAttribute('data-rbd-draggable-id'), {
    timeout: 8000,
  });
  return waitFor(() => {
    const button = screen.getByRole('button', { name });
    expect(button).toBeEnabled();
    return button;
  });
}

describe('the MetaScrum panel', () => {
  it('shows a loading state while the board is on its way', () => {
    replies.set('panel/getBoard', pending);
    renderView('panel/PanelView', {});
    expect(screen.getByRole('status')).toHaveTextContent('Loading the MetaScrum backlog');
  });

  it('shows the resolver’s message and a retry when the board fails', async () => {
    replies.set('panel/getBoard', () => failure('JIRA_UNAVAILABLE', 'Jira is not answering: timeout'));
    renderView('panel/PanelView', {});
    expect(await screen.findByTestId('error-message')).toHaveTextContent('Jira is not answering: timeout');
    replies.set('panel/getBoard', () => ok(board()));
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    // Queried again each time: DynamicTable swaps in its rankable rows once they are loaded.
    await waitFor(() => expect(screen.getByTestId('epic-PAY-1')).toBeInTheDocument(), { timeout: 8000 });
  });

  it('shows the epics, the horizon against the band, who ordered them, and keeps Jira text inert', async () => {
    replies.set('panel/getBoard', () => ok(board()));
    const { container } = renderView('panel/PanelView', {});
    await screen.findByTestId('epic-PAY-2');
    expect(screen.getByTestId('horizon-PAY')).toHaveTextContent('2.90 sprints');
    expect(screen.getByTestId('order-note')).toHaveTextContent('Chris Product');
    expect(within(screen.getByTestId('epic-PAY-2')).getByText(HTML)).toBeInTheDocument();
    expect(within(screen.getByTestId('epic-PAY-2')).getByText('rank inversion')).toBeInTheDocument();
    expect(prettyDOM(container, 1e6)).not.toContain('<img');
  });

  it('shows partial data: snapshot age, hidden projects and unread parts', async () => {
    const partial = board({
      hiddenProjectCount: 2,
      hiddenIssueCount: 1,
      snapshot: { ...board().snapshot, partial: [{ scope: 'MOB', reason: 'Jira kept failing' }] },
    });
    replies.set('panel/getBoard', () => ok(partial));
    renderView('panel/PanelView', {});
    expect(await screen.findByTestId('hidden-projects')).toHaveTextContent(
      '2 projects hidden: no permission.',
    );
    expect(screen.getByTestId('hidden-issues')).toHaveTextContent(
      '1 issue you cannot see (issue security) left out.',
    );
    expect(screen.getByTestId('snapshot-bar')).toHaveTextContent('5 minutes ago');
    expect(screen.getByText('MOB: Jira kept failing')).toBeInTheDocument();
  });

  it('shows the empty state when no epic matches', async () => {
    replies.set('panel/getBoard', () => ok(board({ rows: [], total: 0 })));
    renderView('panel/PanelView', {});
    expect(await screen.findByText('No epics match these filters.')).toBeInTheDocument();
  });

  it('moves an epic with its keyboard-reachable button, then reloads the board', async () => {
    replies.set('panel/getBoard', () => ok(board()));
    replies.set('panel/moveEpic', () => ok(board().order));
    renderView('panel/PanelView', {});
    fireEvent.click(await moveButton('Move CHK-1 to the top'));
    await waitFor(() => expect(calls.filter((c) => c.key === 'panel/getBoard')).toHaveLength(2));
    expect(calls.find((c) => c.key === 'panel/moveEpic')?.payload).toEqual({
      key: 'CHK-1',
      to: 'top',
      baseVersion: 4,
    });
  });

  it('sends "up" as a move above the row shown above, with the order version it was loaded with', async () => {
    replies.set('panel/getBoard', () => ok(board()));
    replies.set('panel/moveEpic', () => ok(board().order));
    renderView('panel/PanelView', {});
    fireEvent.click(await moveButton('Move CHK-1 up'));
    await waitFor(() => expect(calls.some((c) => c.key === 'panel/moveEpic')).toBe(true));
    expect(calls.find((c) => c.key === 'panel/moveEpic')?.payload).toEqual({
      key: 'CHK-1',
      to: 'before',
      anchor: 'PAY-2',
      baseVersion: 4,
    });
    // Rank 1 cannot go up or to the top: the buttons stay in place, disabled, and send nothing.
    // One waitFor for both: the board reloads after the move and the rows are rendered again.
    await waitFor(() => {
      expect(screen.getByRole('button', { name: 'Move PAY-1 up' })).toBeDisabled();
      expect(screen.getByRole('button', { name: 'Move PAY-1 to the top' })).toBeDisabled();
    });
  });

  it('reloads the board and says so when someone else changed the order meanwhile', async () => {
    replies.set('panel/getBoard', () => ok(board()));
    replies.set('panel/moveEpic', () =>
      failure('CONFLICT', 'The MetaScrum order was changed by Pat meanwhile; nothing was saved.'),
    );
    renderView('panel/PanelView', {});
    fireEvent.click(await moveButton('Move CHK-1 to the top'));
    expect(await screen.findByText('Changed by someone else meanwhile')).toBeInTheDocument();
    expect(screen.getByTestId('error-message')).toHaveTextContent('changed by Pat meanwhile');
    await waitFor(() => expect(calls.filter((c) => c.key === 'panel/getBoard')).toHaveLength(2));
    await waitFor(() => expect(screen.getByTestId('epic-PAY-1')).toBeInTheDocument());
    expect(screen.getByText('Changed by someone else meanwhile')).toBeInTheDocument();
  });

  it('asks the server for the next page and for a sort, never sorting locally', async () => {
    replies.set('panel/getBoard', () => ok(board({ total: 60 })));
    renderView('panel/PanelView', {});
    fireEvent.click(await screen.findByRole('button', { name: 'Next' }));
    await waitFor(() => expect(calls.at(-1)?.payload).toMatchObject({ page: 2 }));
    fireEvent.click(screen.getByRole('button', { name: 'WSJF' }));
    // WSJF opens highest first, and the caption says so.
    await waitFor(() =>
      expect(calls.at(-1)?.payload).toMatchObject({ sort: 'wsjf', order: 'desc', page: 1 }),
    );
    expect(await screen.findByText('Epics by WSJF, highest first')).toBeInTheDocument();
  });

  it('searches as you type, after a short pause', async () => {
    replies.set('panel/getBoard', () => ok(board()));
    renderView('panel/PanelView', {});
    fireEvent.change(await screen.findByLabelText('Search'), { target: { value: 'PAY-1' } });
    await waitFor(() => expect(calls.at(-1)?.payload).toMatchObject({ text: 'PAY-1', page: 1 }));
  });

  it('hides the reorder controls from someone who cannot see every team, and says why', async () => {
    const order = {
      ...board().order,
      canReorder: false,
      reorderNote: 'Only people who can browse every team can change it.',
    };
    replies.set('panel/getBoard', () => ok(board({ order })));
    renderView('panel/PanelView', {});
    expect(await screen.findByTestId('order-note')).toHaveTextContent(
      'Only people who can browse every team',
    );
    expect(screen.queryByRole('button', { name: /Move PAY-1/ })).toBeNull();
  });
});
