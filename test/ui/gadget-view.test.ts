/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { steering } from './fixtures';
import { bridgeMock, calls, failure, ok, pending, renderView, replies, resetBridge } from './ui-harness';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('./ui-harness')>('./ui-harness').bridgeMock,
);

beforeEach(resetBridge);

describe('the CPO gadget', () => {
  it('shows a loading state, then an error with its advice', async () => {
    replies.set('gadget/getSteering', pending);
    const { unmount } = renderView('gadget/GadgetView', { config: {} });
    expect(screen.getByRole('status')).toHaveTextContent('Loading the program overview');
    unmount();
    replies.set('gadget/getSteering', () =>
      failure('JIRA_RATE_LIMITED', 'Jira asked us to slow down; try again in 30 s.'),
    );
    renderView('gadget/GadgetView', { config: {} });
    expect(await screen.findByText('Jira is busy')).toBeInTheDocument();
  });

  it('answers the three questions: horizons, top epics, matrix heat map, cycles, impediments, cadence', async () => {
    replies.set('gadget/getSteering', () => ok(steering()));
    renderView('gadget/GadgetView', { config: {} });
    expect(await screen.findByTestId('cadence-advice')).toHaveTextContent('meet once a week');
    expect(screen.getByTestId('horizon-PAY')).toHaveTextContent('2.90 sprints');
    expect(screen.getByTestId('cell-MOB-PLAT')).toHaveTextContent('2 (1)');
    expect(screen.getByTestId('cycles')).toHaveTextContent(
      'PAY-55 → CHK-55 → SRCH-55 → PAY-55 (each issue needs the one before it)',
    );
    expect(screen.getByTestId('impediment-ladder')).toHaveTextContent('CHK-93');
    expect(screen.getByTestId('readiness-total')).toHaveTextContent('28 of 35 backlog items ready');
  });

  it('forecasts the top epics with P50, P85 and P(on time), draws the burn-up fan and lists slip alerts', async () => {
    const data = steering();
    replies.set('gadget/getSteering', () => ok(data));
    renderView('gadget/GadgetView', { config: {} });
    const key = data.forecast.epics[0]?.key ?? '';
    expect(await screen.findByTestId(`forecast-${key}`)).toHaveTextContent(
      '2026-12-182027-01-012026-12-2462%',
    );
    expect(
      screen.getByRole('img', { name: 'Burn-up fan: 3 epics, from 2026-12-04 to 2027-01-01' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('slip-alerts')).toHaveTextContent(
      'Slip alerts (1)dependency PAY-12 CHK-12 (CHK) is planned in CHK Sprint 9',
    );
  });

  it('shows only the chosen sections', async () => {
    replies.set('gadget/getSteering', () => ok(steering({ sections: ['now'] })));
    renderView('gadget/GadgetView', { config: { sections: ['now'] } });
    await screen.findByTestId('horizon-PAY');
    expect(screen.queryByTestId('cadence-advice')).toBeNull();
    expect(screen.queryByTestId('matrix')).toBeNull();
  });

  it('reloads itself at the configured interval', async () => {
    jest.useFakeTimers();
    replies.set('gadget/getSteering', () => ok(steering({ refreshMinutes: 5 })));
    renderView('gadget/GadgetView', { config: { refreshMinutes: 5 } });
    await screen.findByTestId('cadence-advice');
    act(() => jest.advanceTimersByTime(5 * 60_000));
    await waitFor(() => expect(calls.filter((c) => c.key === 'gadget/getSteering')).toHaveLength(2));
    jest.useRealTimers();
  });

  it('saves title, program, sections and refresh interval with view.submit, refusing a bad interval', async () => {
    const programs = [
      { id: 'default', name: 'Checkout program', projects: [] },
      { id: 'platform', name: 'Platform program', projects: ['PLAT'] },
    ];
    replies.set('program/list', () => ok({ programs }));
    renderView('gadget/GadgetEditView', { config: { title: 'Old' } });
    await screen.findByRole('option', { name: 'Platform program' });
    fireEvent.change(screen.getByLabelText('Program'), { target: { value: 'platform' } });
    fireEvent.change(screen.getByLabelText('Auto-refresh (minutes)'), { target: { value: '-3' } });
    expect(screen.getByText('A whole number of minutes from 0 to 1440.')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Auto-refresh (minutes)'), { target: { value: '10' } });
    fireEvent.click(screen.getByLabelText('MetaScrum cadence advice'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(bridgeMock.view.submit).toHaveBeenCalled());
    expect(bridgeMock.view.submit.mock.calls.at(-1)).toEqual([
      { title: 'Old', sections: ['now', 'going', 'stopping'], refreshMinutes: 10, programId: 'platform' },
    ]);
  });

  it('refuses to save a gadget whose program was deleted until another is chosen', async () => {
    replies.set('program/list', () =>
      ok({ programs: [{ id: 'default', name: 'Checkout program', projects: [] }] }),
    );
    renderView('gadget/GadgetEditView', { config: { programId: 'gone' } });
    expect(await screen.findByText('This program no longer exists; choose another.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    fireEvent.change(screen.getByLabelText('Program'), { target: { value: 'default' } });
    expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled();
  });
});
