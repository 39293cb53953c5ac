/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { SnapshotStatus } from '../../src/shared/contract';
import { analysis, board, issueContext, snapshot, steering } from './fixtures';
import { ok, renderView, replies, resetBridge } from './ui-harness';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('./ui-harness')>('./ui-harness').bridgeMock,
);

beforeEach(resetBridge);

const failed = {
  ...snapshot,
  lastFailure: { at: '2026-11-20T10:00:00Z', message: 'changes of the last 65 minutes: Jira is down' },
};
const status = (extra: Partial<SnapshotStatus> = {}): SnapshotStatus => ({
  snapshot,
  job: null,
  analysis,
  ...extra,
});

describe('a failed refresh shows on every surface, with its reason and the data’s age', () => {
  it.each([
    [
      'panel',
      'panel/PanelView',
      {},
      () => replies.set('panel/getBoard', () => ok(board({ snapshot: failed }))),
    ],
    [
      'issue panel',
      'issue/IssueContextView',
      { issueKey: 'PAY-55' },
      () => replies.set('issue/getContext', () => ok(issueContext({ snapshot: failed }))),
    ],
    [
      'gadget',
      'gadget/GadgetView',
      { config: {} },
      () => replies.set('gadget/getSteering', () => ok(steering({ snapshot: failed }))),
    ],
    [
      'impediment subpage',
      'impediments/ImpedimentBacklogsView',
      {},
      () => {
        const levels = {
          levels: [],
          executive: { level: null, owner: null, items: [] },
          hiddenProjectCount: 0,
        };
        replies.set('impediment/listBacklogs', () => ok(levels));
        replies.set('snapshot/getStatus', () => ok(status({ snapshot: failed })));
      },
    ],
  ] as const)('on the %s', async (_surface, view, props, arrange) => {
    arrange();
    renderView(view, props);
    const notice = await screen.findByTestId('refresh-failure');
    expect(notice).toHaveTextContent('changes of the last 65 minutes: Jira is down');
    expect(notice).toHaveTextContent(/as of 5 minutes ago/);
  });
});

describe('views follow the app’s own writes without a manual Refresh', () => {
  it('after "Flow rank to teams" the panel no longer shows issues to move', async () => {
    replies.set('panel/getBoard', () => ok(board()));
    const preview = {
      teams: [
        {
          team: 'PAY',
          moves: 2,
          operations: [{ issues: ['PAY-12', 'PAY-13'], rankBeforeIssue: 'PAY-11' }],
        },
      ],
      analysis,
    };
    replies.set('panel/previewRankFlow', () => ok(preview));
    replies.set('panel/applyRankFlow', () =>
      ok({ teams: [{ team: 'PAY', operations: 1, ranked: ['PAY-12', 'PAY-13'], failed: [] }] }),
    );
    // The status still names the analysis the panel shows, until the app's refresh has landed.
    replies.set('snapshot/getStatus', () => ok(status()));
    renderView('panel/PanelView', {});
    fireEvent.click(await screen.findByRole('tab', { name: 'Flow rank to teams' }));
    expect(await screen.findByText(/PAY: 2 issues to move/, {}, { timeout: 8000 })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(screen.getByRole('button', { name: 'Apply to 1 team' }));
    expect(await screen.findByTestId('rank-result')).toHaveTextContent('PAY: 2 issues re-ranked');
    const newer = { state: 'ready' as const, computedAt: '2026-11-20T09:00:05Z' };
    replies.set('panel/previewRankFlow', () => ok({ teams: [], analysis: newer }));
    replies.set('panel/getBoard', () => ok(board({ analysis: newer })));
    replies.set('snapshot/getStatus', () => ok(status({ analysis: newer })));
    await waitFor(
      () => expect(screen.getByText('Team backlogs already follow the MetaScrum order')).toBeInTheDocument(),
      { timeout: 8_000 },
    );
    expect(screen.queryByText(/issues to move/)).not.toBeInTheDocument();
    expect(screen.getByTestId('rank-result')).toHaveTextContent('PAY: 2 issues re-ranked');
  }, 15_000);

  it('says why a Refresh within a minute does not run, and when it can', async () => {
    replies.set('panel/getBoard', () => ok(board()));
    replies.set('snapshot/requestRefresh', () =>
      ok(
        status({
          refresh: {
            outcome: 'too-soon',
            retryAt: '2026-11-20T09:01:00Z',
            message: 'The data was brought up to date 12 s ago; you can refresh again in 48 s.',
          },
        }),
      ),
    );
    renderView('panel/PanelView', {});
    fireEvent.click(await screen.findByRole('button', { name: 'Refresh' }));
    expect(await screen.findByTestId('refresh-note')).toHaveTextContent('you can refresh again in 48 s.');
  });
});
