/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { board, epic } from './fixtures';
import { calls, ok, renderView, replies, resetBridge } from './ui-harness';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('./ui-harness')>('./ui-harness').bridgeMock,
);

beforeEach(resetBridge);

const rows = [
  epic('PAY-1', 1, {
    forecast: {
      p50Date: '2026-12-11',
      p85Date: '2027-01-08',
      dueDate: '2027-01-01',
      pOnTime: 0.62,
      unforecastable: null,
    },
  }),
  epic('CHK-1', 2, {
    forecast: {
      p50Date: null,
      p85Date: null,
      dueDate: null,
      pOnTime: null,
      unforecastable: 'in a dependency cycle with (hidden issue)',
    },
  }),
  epic('PAY-2', 3, { forecast: null }),
];

describe('the panel’s forecast', () => {
  it('shows each epic’s P85 date with its P50 and P(on time), or why it has none', async () => {
    replies.set('panel/getBoard', () => ok(board({ rows })));
    renderView('panel/PanelView', {});
    const pay1 = await screen.findByTestId('epic-PAY-1', {}, { timeout: 8000 });
    expect(within(pay1).getByTestId('forecast-cell')).toHaveTextContent(
      '2027-01-08P50 2026-12-11, 62% on time',
    );
    expect(within(screen.getByTestId('epic-CHK-1')).getByTestId('forecast-cell')).toHaveTextContent(
      'in a dependency cycle with (hidden issue)',
    );
    expect(within(screen.getByTestId('epic-PAY-2')).getByTestId('forecast-cell')).toHaveTextContent(
      'not forecast yet',
    );
  });

  it('asks the server to sort by the P85 date, earliest first', async () => {
    replies.set('panel/getBoard', () => ok(board({ rows })));
    renderView('panel/PanelView', {});
    fireEvent.click(await screen.findByRole('button', { name: 'Forecast (P85)' }, { timeout: 8000 }));
    await waitFor(() => expect(calls.at(-1)?.payload).toMatchObject({ sort: 'forecast', order: 'asc' }));
  });

  it('shows the open slip alerts above the table', async () => {
    const alert = {
      id: 'dep:PAY-1<PLAT-1',
      kind: 'dependency' as const,
      key: 'PAY-1',
      prerequisite: 'PLAT-1',
      detail: 'waits for PLAT-1, now planned in a sprint ending after PAY-1’s',
      raisedAt: '2026-11-20T09:00:00Z',
      resolvedAt: null,
    };
    replies.set('panel/getBoard', () => ok(board({ rows, slipAlerts: [alert] })));
    renderView('panel/PanelView', {});
    const alerts = await screen.findByTestId('slip-alerts', {}, { timeout: 8000 });
    expect(alerts).toHaveTextContent('Slip alerts (1)');
    expect(alerts).toHaveTextContent('waits for PLAT-1, now planned in a sprint ending after PAY-1’s');
    // Above the table: found first in document order.
    const [first] = screen.getAllByTestId(/^(slip-alerts|epic-table)$/);
    expect(first).toHaveAttribute('data-testid', 'slip-alerts');
  });
});
