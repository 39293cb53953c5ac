/** One team's row of the Scrum of Scrums board, with its actions in place. */
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useState, type ReactNode } from 'react';
import type { SosTeamRow, SosWait } from '../../../../src/shared/contract';
import { IssueLink } from '../../components/IssueLink';
import { tableCell } from '../../components/TableHead';
import { plural } from '../../format';
import { EscalateAction } from './EscalateAction';
import { RaiseForm } from './RaiseForm';

const list = { margin: 0, paddingLeft: token('space.200') } as const;

function Waits({ waits, other }: { waits: readonly SosWait[]; other: 'prerequisite' | 'dependant' }) {
  if (waits.length === 0) return <span style={{ color: token('color.text.subtlest') }}>none</span>;
  return (
    <ul style={list}>
      {waits.map((w) => (
        <li key={`${w.prerequisite}>${w.dependant}`}>
          <IssueLink issueKey={w.dependant} /> needs <IssueLink issueKey={w.prerequisite} />
          {other === 'prerequisite' ? ` (${w.prerequisiteStatus || 'status unknown'})` : ''} ({w.status})
        </li>
      ))}
    </ul>
  );
}

function Cell({ children }: { children: ReactNode }) {
  return <td style={{ ...tableCell, verticalAlign: 'top' }}>{children}</td>;
}

export function TeamRow({ row, teamLevel }: { row: SosTeamRow; teamLevel: string }) {
  const [raising, setRaising] = useState<string | undefined>();
  return (
    <tr data-testid={`sos-team-${row.team}`}>
      <th scope="row" style={{ ...tableCell, verticalAlign: 'top' }}>
        {row.team}
      </th>
      <Cell>
        <ul style={list}>
          {row.blockedItems.map((item) => (
            <li key={item.key}>
              <IssueLink issueKey={item.key} /> {item.summary}{' '}
              {item.reason === 'flag' ? '(flagged)' : `(blocked by ${item.blockedBy.join(', ')})`}
              <div style={{ display: 'flex', gap: token('space.050'), flexWrap: 'wrap' }}>
                <Button
                  spacing="compact"
                  onClick={() => setRaising(raising === item.key ? undefined : item.key)}
                >
                  Raise impediment for {item.key}
                </Button>
                {item.escalate && <EscalateAction issueKey={item.key} flagged right={item.escalate} />}
              </div>
              {raising === item.key && <RaiseForm blocks={[item.key]} />}
            </li>
          ))}
        </ul>
      </Cell>
      <Cell>
        <ul style={list}>
          {row.teamImpediments.map((i) => (
            <li key={i.key}>
              <IssueLink issueKey={i.key} /> {i.summary}:{' '}
              {i.daysAtLevel === null ? 'time unknown' : plural(i.daysAtLevel, 'day')} at {teamLevel}
              {i.breached ? ' (past SLA)' : ''}
              <EscalateAction issueKey={i.key} flagged={false} right={i.escalate} />
            </li>
          ))}
        </ul>
      </Cell>
      <Cell>
        <Waits waits={row.waitsFor} other="prerequisite" />
      </Cell>
      <Cell>
        <Waits waits={row.waitedOnBy} other="dependant" />
      </Cell>
      <Cell>
        <div>Causes: {row.conflictsCaused.length}</div>
        <Waits waits={row.conflictsCaused} other="dependant" />
        <div>Suffers: {row.conflictsSuffered.length}</div>
        <Waits waits={row.conflictsSuffered} other="prerequisite" />
      </Cell>
      <Cell>
        <ul style={list}>
          {row.newSince.map((n) => (
            <li key={`${n.key}-${n.what}`}>
              <IssueLink issueKey={n.key} /> {n.what}
            </li>
          ))}
          {row.changesSince.map((change) => (
            <li key={change}>{change}</li>
          ))}
        </ul>
      </Cell>
    </tr>
  );
}
