/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { prettyDOM, screen, within } from '@testing-library/react';
import { HTML, issueContext } from './fixtures';
import { failure, ok, pending, renderView, replies, resetBridge } from './ui-harness';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('./ui-harness')>('./ui-harness').bridgeMock,
);

beforeEach(resetBridge);

describe('the issue context panel', () => {
  it('shows a loading state first', () => {
    replies.set('issue/getContext', pending);
    renderView('issue/IssueContextView', { issueKey: 'PAY-55' });
    expect(screen.getByRole('status')).toHaveTextContent('Loading the dependencies of PAY-55');
  });

  it('says not found the same way for a missing and a hidden issue', async () => {
    replies.set('issue/getContext', () =>
      failure('NOT_FOUND', 'Issue does not exist or you do not have permission to see it.'),
    );
    renderView('issue/IssueContextView', { issueKey: 'PLAT-1' });
    expect(await screen.findByText('Not found')).toBeInTheDocument();
  });

  it('says an issue outside the program is not in this program, not that it is missing', async () => {
    const message = 'MOB-45 is not in this program: project MOB is not one of its team projects.';
    replies.set('issue/getContext', () => failure('NOT_IN_PROGRAM', message));
    renderView('issue/IssueContextView', { issueKey: 'MOB-45' });
    expect(await screen.findByText('Not in this program')).toBeInTheDocument();
    expect(screen.getByTestId('error-message')).toHaveTextContent(message);
    expect(screen.queryByText(/do not have permission/)).not.toBeInTheDocument();
  });

  it('shows the badge counts, the cycle, the trail with edge status and the readiness checklist', async () => {
    replies.set('issue/getContext', () => ok(issueContext()));
    const { container } = renderView('issue/IssueContextView', { issueKey: 'PAY-55' });
    const badges = await screen.findByTestId('status-badges');
    expect(badges).toHaveTextContent('2 conflicts');
    expect(badges).toHaveTextContent('1 open blocker');
    expect(screen.getByTestId('cycle-with')).toHaveTextContent(
      'PAY-55 → CHK-55 → SRCH-55 → PAY-55 (each issue needs the one before it)',
    );
    expect(within(screen.getByTestId('trail-SRCH-55')).getByText('conflict')).toBeInTheDocument();
    expect(screen.getByTestId('rule-prerequisites-scheduled')).toHaveTextContent('fails');
    expect(screen.getByTestId('hidden-issues')).toHaveTextContent('1 linked issue hidden: no permission.');
    expect(screen.getByTestId('context-summary')).toHaveTextContent(HTML);
    expect(prettyDOM(container, 1e6)).not.toContain('<img');
    expect(
      within(screen.getByTestId('trail-SRCH-55')).getByRole('link', { name: 'SRCH-55' }),
    ).toHaveAttribute('href', '/browse/SRCH-55');
  });

  it('shows the forecast, P(on time) and the prerequisite chain that drives it', async () => {
    replies.set('issue/getContext', () => ok(issueContext()));
    renderView('issue/IssueContextView', { issueKey: 'PAY-55' });
    expect(await screen.findByTestId('forecast-dates')).toHaveTextContent(
      'P50 2026-12-18 (sprint 2) · P85 2027-01-01 (sprint 3) · P95 2027-01-01 (sprint 3)',
    );
    expect(screen.getByTestId('forecast-on-time')).toHaveTextContent('Due 2026-12-24: 55% of the trials');
    expect(screen.getByTestId('forecast-driven-by')).toHaveTextContent(
      'Driven by SRCH-55 (P85 2026-12-18) ← CHK-55 (P85 2026-12-04) ← an issue you cannot see',
    );
  });

  it('says “none” for a direction without dependencies and omits readiness for other issue types', async () => {
    replies.set('issue/getContext', () =>
      ok(issueContext({ upstream: [], downstream: [], inCycle: false, cycleWith: [], readiness: null })),
    );
    renderView('issue/IssueContextView', { issueKey: 'PAY-55' });
    expect(await screen.findByTestId('upstream')).toHaveTextContent('None.');
    expect(screen.queryByTestId('readiness')).toBeNull();
  });
});

describe('the issue context panel of an epic', () => {
  beforeEach(resetBridge);

  it('shows its children’s dependencies, its cycle and why its readiness is what it is', async () => {
    const epic = {
      needs: [{ child: 'PAY-55', other: 'SRCH-55', status: 'conflict' as const }],
      neededBy: [{ child: 'PAY-55', other: 'CHK-55', status: 'conflict' as const }],
      conflicts: [
        { child: 'PAY-55', other: 'SRCH-55', status: 'conflict' as const, direction: 'needs' as const },
      ],
      cycles: [['CHK-55', 'SRCH-55', 'PAY-55', 'CHK-55']],
      hiddenLinks: 1,
      readiness:
        '85% = 17 of 20 open points of its children are ready. Not ready: 2 of 9 children not ready.',
    };
    replies.set('issue/getContext', () =>
      ok(
        issueContext({
          issue: { key: 'PAY-7', summary: 'Epic', team: 'PAY', kind: 'epic' },
          epic,
          inCycle: true,
        }),
      ),
    );
    renderView('issue/IssueContextView', { issueKey: 'PAY-7' });
    expect(await screen.findByTestId('epic-readiness')).toHaveTextContent(
      'Not ready: 2 of 9 children not ready',
    );
    expect(screen.getByTestId('epic-needs')).toHaveTextContent('PAY-55 needs SRCH-55 conflict');
    expect(screen.getByTestId('epic-needed-by')).toHaveTextContent('PAY-55 is needed by CHK-55');
    expect(screen.getByTestId('epic-cycle')).toHaveTextContent('CHK-55 → SRCH-55 → PAY-55 → CHK-55');
    expect(screen.getByTestId('epic-rollup')).toHaveTextContent('and 1 dependency you cannot see');
  });
});
