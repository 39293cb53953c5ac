/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ImpedimentBacklogs, ImpedimentMetrics } from '../../src/shared/impediment-contract';
import { failure, ok, pending, renderView, replies, resetBridge } from './ui-harness';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('./ui-harness')>('./ui-harness').bridgeMock,
);

beforeEach(resetBridge);

const item = (key: string, level: string, slaStatus: 'ok' | 'breached' | 'none', blocks: string[] = []) => ({
  key,
  summary: `Summary of ${key}`,
  projectKey: key.split('-')[0] ?? key,
  level,
  ageDays: 8,
  daysAtLevel: 4.5,
  slaDays: level === 'Executive Action Team' ? null : 3,
  slaStatus,
  blocks,
});

function backlogs(hiddenProjectCount = 0): ImpedimentBacklogs {
  const cpo = { kind: 'user' as const, id: 'cpo', displayName: 'Carla CPO' };
  return {
    levels: [
      { level: 'Team', owner: null, slaDays: 2, items: [item('PAY-93', 'Team', 'ok', ['PAY-12'])] },
      {
        level: 'Scrum of Scrums',
        owner: cpo,
        slaDays: 3,
        items: [item('MOB-93', 'Scrum of Scrums', 'breached', ['MOB-45', 'MOB-46'])],
      },
      {
        level: 'Executive Action Team',
        owner: cpo,
        slaDays: null,
        items: [item('CHK-94', 'Executive Action Team', 'none')],
      },
    ],
    executive: {
      level: 'Executive Action Team',
      owner: cpo,
      items: [
        item('CHK-94', 'Executive Action Team', 'none'),
        item('MOB-93', 'Scrum of Scrums', 'breached', ['MOB-45', 'MOB-46']),
      ],
    },
    hiddenProjectCount,
  };
}

const metrics: ImpedimentMetrics = {
  open: 3,
  perLevel: [
    { level: 'Team', open: 1, breached: 0, atRisk: 1 },
    { level: 'Scrum of Scrums', open: 1, breached: 1, atRisk: 0 },
    { level: 'Executive Action Team', open: 1, breached: 0, atRisk: 0 },
  ],
  slaBreaches: 1,
  resolvedLast30Days: 2,
  medianDaysToResolve: 4.5,
  trend: ['2026-10-30', '2026-11-06', '2026-11-13', '2026-11-20'].map((date, i) => ({
    weekStart: `${date}T09:00:00.000Z`,
    opened: i,
    resolved: 1,
    escalated: i % 2,
  })),
  hiddenProjectCount: 0,
};

describe('the impediment backlogs subpage', () => {
  it('shows a loading state, then the error with a retry', async () => {
    replies.set('impediment/listBacklogs', pending);
    replies.set('impediment/getMetrics', pending);
    const { unmount } = renderView('impediments/ImpedimentBacklogsView', {});
    expect(screen.getByRole('status')).toHaveTextContent('Loading the impediment backlogs');
    unmount();
    replies.set('impediment/listBacklogs', () => failure('FORBIDDEN', 'You cannot browse this project.'));
    renderView('impediments/ImpedimentBacklogsView', {});
    expect(await screen.findByText('No permission')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('lists the EAT backlog with the level of each item, and each level with owner, SLA and what it blocks', async () => {
    replies.set('impediment/listBacklogs', () => ok(backlogs()));
    replies.set('impediment/getMetrics', () => ok(metrics));
    renderView('impediments/ImpedimentBacklogsView', {});
    const eat = await screen.findByRole('table', { name: 'Executive Action Team: own backlog' });
    const rows = within(eat).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveAttribute('data-testid', 'impediment-row-CHK-94');
    expect(rows[2]).toHaveAttribute('data-testid', 'impediment-row-MOB-93');
    expect(within(eat).getByTestId('impediment-row-MOB-93')).toHaveTextContent('Scrum of Scrums');
    const sos = screen.getByTestId('level-Scrum of Scrums');
    expect(sos).toHaveTextContent('Owner: Carla CPO; SLA: 3 days at this level.');
    const row = within(sos).getByTestId('impediment-row-MOB-93');
    expect(row).toHaveTextContent('SLA breached');
    expect(row).toHaveTextContent('4.5 d of 3 d');
    expect(within(row).getByRole('link', { name: 'MOB-45' })).toHaveAttribute('href', '/browse/MOB-45');
    expect(screen.getByTestId('level-Team')).toHaveTextContent('Owner: none configured');
  });

  it('is a DynamicTable whose SLA header sorts the breached first, then back the other way', async () => {
    replies.set('impediment/listBacklogs', () => ok(backlogs()));
    replies.set('impediment/getMetrics', () => ok(metrics));
    renderView('impediments/ImpedimentBacklogsView', {});
    const eat = await screen.findByRole('table', { name: 'Executive Action Team: own backlog' });
    const expectOrder = (keys: string[]) => {
      const rows = within(eat).getAllByTestId(/^impediment-row-/);
      keys.forEach((key, i) => expect(rows[i]).toHaveAttribute('data-testid', `impediment-row-${key}`));
    };
    expectOrder(['CHK-94', 'MOB-93']);
    fireEvent.click(within(eat).getByRole('button', { name: 'SLA' }));
    await waitFor(() => expectOrder(['MOB-93', 'CHK-94']));
    expect(within(eat).getByRole('columnheader', { name: /SLA/ })).toHaveAttribute('aria-sort', 'ascending');
    fireEvent.click(within(eat).getByRole('button', { name: 'SLA' }));
    await waitFor(() => expectOrder(['CHK-94', 'MOB-93']));
  });

  it('filters the backlogs by level and back to all levels', async () => {
    replies.set('impediment/listBacklogs', () => ok(backlogs()));
    replies.set('impediment/getMetrics', () => ok(metrics));
    renderView('impediments/ImpedimentBacklogsView', {});
    const filter = await screen.findByRole('group', { name: 'Filter by level' });
    fireEvent.click(within(filter).getByRole('button', { name: 'Team' }));
    expect(screen.getByTestId('level-Team')).toBeInTheDocument();
    expect(screen.queryByTestId('level-Scrum of Scrums')).toBeNull();
    expect(within(filter).getByRole('button', { name: 'Team' })).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(within(filter).getByRole('button', { name: 'All levels' }));
    expect(screen.getByTestId('level-Scrum of Scrums')).toBeInTheDocument();
  });

  it('draws the metrics as charts with their numbers in words', async () => {
    replies.set('impediment/listBacklogs', () => ok(backlogs(2)));
    replies.set('impediment/getMetrics', () => ok(metrics));
    renderView('impediments/ImpedimentBacklogsView', {});
    expect(await screen.findByTestId('metric-median')).toHaveTextContent('4.5 days');
    expect(screen.getByTestId('metric-breaches')).toHaveTextContent('1');
    expect(screen.getByRole('img', { name: 'Team: 1 open, 0 breached, 1 at risk' })).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'Week of 2026-11-20: 3 opened, 1 resolved, 1 escalated' }),
    ).toBeInTheDocument();
    expect(screen.getByText('2 program projects left out: you cannot browse them.')).toBeInTheDocument();
  });
});
