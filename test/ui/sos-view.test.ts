/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { fireEvent, screen, within } from '@testing-library/react';
import type { SosBoard } from '../../src/shared/contract';
import { calls, failure, ok, renderView, replies, resetBridge } from './ui-harness';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('./ui-harness')>('./ui-harness').bridgeMock,
);

beforeEach(() => {
  resetBridge();
  mobRight = ALLOWED;
});

const wait = {
  prerequisite: 'PLAT-71',
  prerequisiteTeam: 'PLAT',
  prerequisiteStatus: 'To Do',
  prerequisiteCategory: 'new' as const,
  dependant: 'MOB-41',
  dependantTeam: 'MOB',
  status: 'conflict' as const,
};

const ALLOWED = { allowed: true, reason: null };
let mobRight: { allowed: boolean; reason: string | null } = ALLOWED;

function board(canMarkMeeting: boolean): SosBoard {
  return {
    programName: 'Demo',
    hiddenProjectCount: 0,
    hiddenIssueCount: 0,
    analysisState: 'ready',
    since: { at: '2026-11-19T00:00:00.000Z', basis: 'last-working-day', summaryDay: '2026-11-19' },
    baselineKnown: false,
    meeting: { version: 0, heldAt: null, heldBy: null },
    canMarkMeeting,
    teamLevel: 'Team',
    teams: [
      {
        team: 'MOB',
        blockedItems: [
          { key: 'MOB-45', summary: 'Story 45', reason: 'blocked', blockedBy: ['MOB-93'], escalate: null },
          { key: 'MOB-46', summary: 'Story 46', reason: 'flag', blockedBy: [], escalate: mobRight },
        ],
        teamImpediments: [
          {
            key: 'MOB-94',
            summary: 'Build agents down',
            source: 'issue-type',
            level: 'Team',
            daysAtLevel: 2,
            slaDays: 3,
            breached: false,
            escalate: mobRight,
          },
        ],
        waitsFor: [wait],
        waitedOnBy: [],
        conflictsCaused: [],
        conflictsSuffered: [wait],
        newSince: [{ key: 'MOB-93', what: 'now at Scrum of Scrums' }],
        changesSince: ['conflicts suffered 0 → 1'],
      },
    ],
    programs: [
      {
        program: 'Demo',
        teams: 1,
        blockedItems: 1,
        teamImpediments: 0,
        escalated: [],
        crossTeamWaits: 1,
        conflicts: 1,
        newSince: 1,
      },
    ],
  };
}

describe('the Scrum of Scrums subpage', () => {
  it('shows the team row and the program row, and the mark button only to the SoS Master', async () => {
    replies.set('sos/getBoard', () => ok(board(false)));
    renderView('sos/ScrumOfScrumsView', {});
    const row = await screen.findByTestId('sos-team-MOB');
    expect(row).toHaveTextContent('blocked by MOB-93');
    expect(row).toHaveTextContent('MOB-93 now at Scrum of Scrums');
    expect(row).toHaveTextContent('conflicts suffered 0 → 1');
    expect(screen.getByTestId('sos-since')).toHaveTextContent('compared with the daily summary of');
    expect(within(row).getAllByText('PLAT-71').length).toBeGreaterThan(0);
    expect(screen.getByTestId('sos-program')).toHaveTextContent('Demo');
    expect(screen.queryByRole('button', { name: 'Mark the meeting held now' })).toBeNull();
  });

  it('offers escalate only where Jira lets the user escalate, and says why not elsewhere', async () => {
    mobRight = { allowed: false, reason: 'You need the Edit issues permission on MOB-94 to escalate it.' };
    replies.set('sos/getBoard', () => ok(board(false)));
    renderView('sos/ScrumOfScrumsView', {});
    const row = await screen.findByTestId('sos-team-MOB');
    for (const key of ['MOB-94', 'MOB-46']) {
      const button = within(row).getByRole('button', { name: `Escalate ${key}` });
      expect(button).toBeDisabled();
      expect(button).toHaveAccessibleDescription(mobRight.reason ?? '');
      fireEvent.click(button);
      expect(within(row).queryByRole('form', { name: `Escalate ${key}` })).toBeNull();
    }
    // A blocked item is escalated through its impediment, not from its own row.
    expect(within(row).queryByRole('button', { name: 'Escalate MOB-45' })).toBeNull();
  });

  it('opens the escalate form where the user may escalate', async () => {
    replies.set('sos/getBoard', () => ok(board(false)));
    renderView('sos/ScrumOfScrumsView', {});
    const row = await screen.findByTestId('sos-team-MOB');
    fireEvent.click(within(row).getByRole('button', { name: 'Escalate MOB-94' }));
    expect(within(row).getByRole('form', { name: 'Escalate MOB-94' })).toBeInTheDocument();
  });

  it('raises an impediment from a blocked item, showing a refused field next to it', async () => {
    replies.set('sos/getBoard', () => ok(board(true)));
    let attempt = 0;
    replies.set('impediment/raise', () =>
      attempt++ === 0
        ? failure('BAD_PAYLOAD', 'owner: must name an owner', 'owner')
        : ok({
            outcome: 'created',
            issueKey: 'MOB-95',
            level: 'Team',
            blocks: ['MOB-45'],
            message: 'MOB-95 now at Team; it blocks MOB-45.',
          }),
    );
    renderView('sos/ScrumOfScrumsView', {});
    fireEvent.click(await screen.findByRole('button', { name: 'Raise impediment for MOB-45' }));
    fireEvent.change(screen.getByLabelText('Impediment'), { target: { value: 'Lab closed' } });
    fireEvent.change(screen.getByLabelText('Why it blocks the work'), { target: { value: 'No devices' } });
    fireEvent.click(screen.getByRole('button', { name: 'Raise impediment' }));
    expect(await screen.findByText('must name an owner')).toBeInTheDocument();
    // The owner is picked from Jira's users by name (asked as the user), never typed as an account id.
    replies.set('owners/find', () =>
      ok({ owners: [{ kind: 'user', id: 'dev-mob', displayName: 'Mo Mobile (Dev)' }] }),
    );
    fireEvent.change(screen.getByLabelText('Owner'), { target: { value: 'mo' } });
    fireEvent.click(await screen.findByRole('option', { name: 'Mo Mobile (Dev)' }));
    expect(screen.getByLabelText('Owner')).toHaveValue('Mo Mobile (Dev)');
    expect(calls.find((c) => c.key === 'owners/find')?.payload).toEqual({ query: 'mo', kinds: ['user'] });
    fireEvent.click(screen.getByRole('button', { name: 'Raise impediment' }));
    expect(await screen.findByText('MOB-95 now at Team; it blocks MOB-45.')).toBeInTheDocument();
    expect(calls.filter((c) => c.key === 'impediment/raise')[0]?.payload).toMatchObject({
      blocks: ['MOB-45'],
      summary: 'Lab closed',
      reason: 'No devices',
      owner: '',
    });
    expect(calls.filter((c) => c.key === 'impediment/raise')[1]?.payload).toMatchObject({ owner: 'dev-mob' });
  });
});
