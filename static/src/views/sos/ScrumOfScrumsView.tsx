/**
 * The Scrum of Scrums subpage of the project page (issue 14): one row per team with what slows it down
 * and what it needs from the others, what is new since the last meeting (marked by the SoS Master),
 * and one row per program for the Scrum of Scrums of Scrums. Only what the user may browse is shown.
 */
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { SosBoard } from '../../../../src/shared/contract';
import { call } from '../../api';
import { Notice } from '../../components/Notice';
import { ErrorState, LoadingState } from '../../components/States';
import { TableHead, tableCell } from '../../components/TableHead';
import { formatDate, plural } from '../../format';
import { toCallError, useResolver } from '../../useResolver';
import { TeamRow } from './TeamRow';

const COLUMNS = [
  'Team',
  'Flagged or blocked',
  'Team impediments',
  'Waits for',
  'Others wait for',
  'Conflicts',
  'New since',
];

function MeetingBar({ board, onMarked }: { board: SosBoard; onMarked: () => void }) {
  const [problem, setProblem] = useState<string | undefined>();
  const since = formatDate(board.since.at);
  const mark = () =>
    call('sos/markMeetingHeld', { baseVersion: board.meeting.version }).then(onMarked, (cause: unknown) =>
      setProblem(toCallError(cause).message),
    );
  return (
    <div style={{ display: 'grid', gap: token('space.100') }}>
      <p data-testid="sos-since" style={{ margin: 0 }}>
        New since {since}:{' '}
        {board.since.basis === 'meeting'
          ? `the meeting ${board.meeting.heldBy?.displayName ?? ''} marked held.`
          : 'the last working day (no meeting marked yet); only impediments carry dates until one is.'}
        {board.since.summaryDay
          ? ` Team numbers are compared with the daily summary of ${formatDate(board.since.summaryDay)}.`
          : ''}
      </p>
      {board.canMarkMeeting && (
        <div>
          <Button appearance="primary" onClick={() => void mark()}>
            Mark the meeting held now
          </Button>
        </div>
      )}
      {problem && <Notice appearance="error">{problem}</Notice>}
    </div>
  );
}

function ProgramRows({ board }: { board: SosBoard }) {
  return (
    <section aria-label="Scrum of Scrums of Scrums" style={{ display: 'grid', gap: token('space.100') }}>
      <Heading size="small" as="h2">
        Scrum of Scrums of Scrums
      </Heading>
      <p style={{ margin: 0, color: token('color.text.subtle') }}>
        One row per program you see a team of: this page's program first. Escalate from each program's own
        board.
      </p>
      <table style={{ borderCollapse: 'collapse' }} aria-label="Programs">
        <TableHead
          columns={[
            'Program',
            'Teams',
            'Flagged or blocked',
            'Team impediments',
            'Escalated',
            'Waits',
            'Conflicts',
            'New',
          ]}
        />
        <tbody>
          {board.programs.map((p) => (
            <tr key={p.program} data-testid="sos-program">
              <th scope="row" style={tableCell}>
                {p.program}
              </th>
              {[
                p.teams,
                p.blockedItems,
                p.teamImpediments,
                p.escalated.length,
                p.crossTeamWaits,
                p.conflicts,
                p.newSince,
              ].map((n, i) => (
                <td key={i} style={tableCell}>
                  {n}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export default function ScrumOfScrumsView() {
  const [board, retry, , reload] = useResolver('sos/getBoard', {});
  if (board.state === 'error') return <ErrorState error={board.error} onRetry={retry} />;
  if (board.state === 'loading') return <LoadingState label="Loading the Scrum of Scrums board" />;
  const data = board.data;
  return (
    <div style={{ display: 'grid', gap: token('space.300') }}>
      <Heading size="medium" as="h1">
        Scrum of Scrums: {data.programName}
      </Heading>
      {data.hiddenProjectCount > 0 && (
        <Notice appearance="warning" title="Some projects are hidden">
          {plural(data.hiddenProjectCount, 'program project')} left out: you cannot browse them.
        </Notice>
      )}
      {data.hiddenIssueCount > 0 && (
        <Notice appearance="information">
          {plural(data.hiddenIssueCount, 'issue')} you cannot see (issue security) left out.
        </Notice>
      )}
      {data.analysisState === 'missing' && (
        <Notice appearance="information">The program is being read; the board fills in when it is.</Notice>
      )}
      <MeetingBar board={data} onMarked={reload} />
      <section aria-label="Teams" style={{ overflowX: 'auto' }}>
        <table style={{ borderCollapse: 'collapse', width: '100%' }} aria-label="Teams">
          <TableHead columns={COLUMNS} />
          <tbody>
            {data.teams.map((row) => (
              <TeamRow key={row.team} row={row} teamLevel={data.teamLevel} />
            ))}
          </tbody>
        </table>
      </section>
      <ProgramRows board={data} />
    </div>
  );
}
