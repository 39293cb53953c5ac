/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { board } from './fixtures';
import { calls, ok, renderView, replies, resetBridge } from './ui-harness';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('./ui-harness')>('./ui-harness').bridgeMock,
);

/**
 * DynamicTable's rankable rows, loaded lazily by the library, held back until the test lets them
 * arrive: the slow network of a first visit. Until then the library shows its plain rows.
 */
let mockRelease: () => void = () => undefined;
let mockArrived = false;
const mockChunk = new Promise<void>((resolve) => {
  mockRelease = () => {
    mockArrived = true;
    resolve();
  };
});
jest.mock('@atlaskit/dynamic-table/dist/cjs/components/rankable/body', () => {
  const React = jest.requireActual<typeof import('react')>('react');
  const actual = jest.requireActual<{ default: React.ComponentType<{ ref?: React.Ref<unknown> }> }>(
    '@atlaskit/dynamic-table/dist/cjs/components/rankable/body',
  );
  const Delayed = React.forwardRef<unknown, object>((props, ref) => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- Suspense's protocol: throw the pending load.
    if (!mockArrived) throw mockChunk;
    return React.createElement(actual.default, { ...props, ref });
  });
  return { __esModule: true, default: Delayed };
});

beforeEach(resetBridge);

describe('the backlog before its drag code has arrived', () => {
  it('shows the rows with their move buttons visibly inert and a loading cue, then makes them work', async () => {
    replies.set('panel/getBoard', () => ok(board()));
    replies.set('panel/moveEpic', () => ok(board().order));
    renderView('panel/PanelView', {});
    const row = await screen.findByTestId('epic-PAY-2');
    // Plain rows: no drag handle yet, so a click could land on a row about to be replaced.
    expect(row).not.toHaveAttribute('data-rbd-draggable-id');
    const down = within(row).getByRole('button', { name: 'Move PAY-2 down' });
    expect(down).toBeDisabled();
    expect(screen.getByText(/loading the reorder controls…/)).toBeInTheDocument();
    expect(screen.getByTestId('epic-table')).toHaveAttribute('aria-busy', 'true');
    fireEvent.click(down);
    expect(calls.some((c) => c.key === 'panel/moveEpic')).toBe(false);

    await act(async () => {
      mockRelease();
      await mockChunk;
    });
    await waitFor(() => expect(screen.getByTestId('epic-PAY-2')).toHaveAttribute('data-rbd-draggable-id'));
    const ready = within(screen.getByTestId('epic-PAY-2')).getByRole('button', { name: 'Move PAY-2 down' });
    await waitFor(() => expect(ready).toBeEnabled());
    expect(screen.getByText(/drag a row, or use its move buttons, to reorder/)).toBeInTheDocument();
    fireEvent.click(ready);
    await waitFor(() =>
      expect(calls).toContainEqual({
        key: 'panel/moveEpic',
        payload: { key: 'PAY-2', to: 'after', anchor: expect.any(String), baseVersion: 4 },
      }),
    );
  });
});
