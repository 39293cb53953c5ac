/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { screen, within } from '@testing-library/react';
import { addDays } from '../../src/domain/history/history-days';
import type { History } from '../../src/shared/contract';
import { steering } from './fixtures';
import { calls, failure, ok, renderView, replies, resetBridge } from './ui-harness';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('./ui-harness')>('./ui-harness').bridgeMock,
);

beforeEach(resetBridge);

const DAYS = Array.from({ length: 9 }, (_, w) => addDays('2026-11-30', -7 * w));
const point = (horizon: number) => ({
  horizonSprints: horizon,
  readyShare: 0.8,
  velocity: 40,
  conflictsSuffered: 2,
  conflictsCaused: 0,
  impediments: [1, 0],
});

function history(extra: Partial<History> = {}): History {
  return {
    points: DAYS.map((day, weeksAgo) => ({ weeksAgo, day })),
    levels: ['Team', 'Scrum of Scrums'],
    demo: false,
    teams: [{ team: 'PAY', series: [2.9, 2.8, 2.5, 2.4, 2.1, 2, 1.9, 1.8, 1.2].map(point) }],
    program: {
      series: Array.from({ length: 9 }, (_, w) => ({
        cycles: w > 4 ? 2 : 1,
        criticalPathLength: 6,
        impediments: [3, 1],
      })),
    },
    topEpics: [
      {
        key: 'PAY-3',
        series: Array.from({ length: 9 }, (_, w) => ({
          p85Sprint: 3,
          p85Date: w === 0 ? '2027-01-12' : '2026-12-29',
        })),
      },
    ],
    ...extra,
  };
}

describe('the gadget’s trends (now against 2, 4 and 8 weeks ago)', () => {
  it('draws a line per team number and says the values now and 2, 4, 8 weeks ago', async () => {
    replies.set('gadget/getSteering', () => ok(steering({ sections: ['now'] })));
    replies.set('gadget/getHistory', () => ok(history()));
    renderView('gadget/GadgetView', { config: { sections: ['now'], projectKeys: ['PAY'] } });
    const row = await screen.findByTestId('trend-PAY', {}, { timeout: 5000 });
    expect(
      within(row).getByRole('img', {
        name: /PAY horizon \(sprints\): now 2.90, 2 w 2.50 · 4 w 2.10 · 8 w 1.20/,
      }),
    ).toBeInTheDocument();
    expect(within(row).getAllByRole('img')).toHaveLength(6);
    expect(within(row).getByText('80%')).toBeInTheDocument();
    expect(screen.getByTestId('program-trends')).toHaveTextContent('Dependency cycles');
    expect(screen.getByTestId('epic-forecast-trends')).toHaveTextContent('PAY-32027-01-122026-12-29');
    expect(screen.queryByText('Demo history')).toBeNull();
    // The gadget's configuration (its projects) travels with the call.
    expect(calls.find((c) => c.key === 'gadget/getHistory')?.payload).toEqual({
      config: { sections: ['now'], projectKeys: ['PAY'] },
    });
  });

  it('labels seeded demo history, and says when history starts today', async () => {
    replies.set('gadget/getSteering', () => ok(steering({ sections: ['now'] })));
    replies.set('gadget/getHistory', () =>
      ok(
        history({
          demo: true,
          points: DAYS.map((day, weeksAgo) => ({ weeksAgo, day: weeksAgo === 0 ? day : null })),
        }),
      ),
    );
    renderView('gadget/GadgetView', { config: {} });
    expect(await screen.findByText('Demo history', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByTestId('history-empty')).toHaveTextContent('History starts with today');
  });

  it('hides program trends it was not given, and shows an error with a retry without losing the rest', async () => {
    replies.set('gadget/getSteering', () => ok(steering()));
    replies.set('gadget/getHistory', () => ok(history({ program: null, topEpics: [] })));
    const { unmount } = renderView('gadget/GadgetView', { config: {} });
    await screen.findByTestId('trend-PAY', {}, { timeout: 5000 });
    expect(screen.queryByTestId('program-trends')).toBeNull();
    unmount();
    replies.set('gadget/getHistory', () => failure('INTERNAL', 'Something went wrong in MetaScrum.'));
    renderView('gadget/GadgetView', { config: {} });
    expect(await screen.findByRole('button', { name: /try again/i }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByTestId('cadence-advice')).toBeInTheDocument();
  });
});
