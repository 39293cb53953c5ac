/** The backlog table's columns and one row's cells; every cell is text or a component (Jira text stays inert). */
import Button from '@atlaskit/button/default/button';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';
import type { BoardEpic, BoardSortKey, PayloadOf } from '../../../../src/shared/contract';
import { IssueLink } from '../../components/IssueLink';
import { StatusLozenge } from '../../components/StatusLozenge';
import { formatNumber } from '../../format';

export const COLUMNS: ReadonlyArray<{ key: BoardSortKey; label: string; sortable: boolean; width?: string }> =
  [
    { key: 'rank', label: 'Rank', sortable: true, width: '9rem' },
    { key: 'key', label: 'Epic', sortable: true },
    { key: 'team', label: 'Team', sortable: true },
    { key: 'wsjf', label: 'WSJF', sortable: true },
    { key: 'readiness', label: 'Ready %', sortable: true },
    { key: 'readyPoints', label: 'Ready pts', sortable: true },
    { key: 'depsIn', label: 'Needs', sortable: true },
    { key: 'depsOut', label: 'Needed by', sortable: true },
    { key: 'conflicts', label: 'Conflicts', sortable: true },
    { key: 'impediments', label: 'Impeded', sortable: true },
  ];
export const isSortKey = (key: string): key is BoardSortKey => COLUMNS.some((c) => c.key === key);

/** A move as a row asks for it; the table adds the order version the board was loaded with. */
export type RowMove = Omit<PayloadOf<'panel/moveEpic'>, 'baseVersion'>;
type Move = (m: RowMove) => void;

/** Up and down are sent as "before the row above" and "after the row below": the same move twice is one move. */
function MoveButtons({
  epic,
  above,
  below,
  move,
}: {
  epic: BoardEpic;
  above?: string;
  below?: string;
  move: Move;
}) {
  const props = { spacing: 'compact', appearance: 'subtle' } as const;
  return (
    <span style={{ display: 'inline-flex', gap: 2 }}>
      <Button
        {...props}
        aria-label={`Move ${epic.key} to the top`}
        onClick={() => move({ key: epic.key, to: 'top' })}
      >
        ⤒
      </Button>
      {above !== undefined && (
        <Button
          {...props}
          aria-label={`Move ${epic.key} up`}
          onClick={() => move({ key: epic.key, to: 'before', anchor: above })}
        >
          ↑
        </Button>
      )}
      {below !== undefined && (
        <Button
          {...props}
          aria-label={`Move ${epic.key} down`}
          onClick={() => move({ key: epic.key, to: 'after', anchor: below })}
        >
          ↓
        </Button>
      )}
    </span>
  );
}

export function EpicCells({
  epic,
  above,
  below,
  canMove,
  move,
  cellStyle,
}: {
  epic: BoardEpic;
  /** The keys of the rows shown above and below, if any. */
  above?: string;
  below?: string;
  canMove: boolean;
  move: Move;
  cellStyle: CSSProperties;
}) {
  const muted = { color: token('color.text.subtlest') };
  const suggestion =
    epic.suggestedRank === epic.rank ? null : (
      <span title={epic.moveReason ?? ''} style={muted}>
        suggested {epic.suggestedRank}
      </span>
    );
  return (
    <>
      <td style={cellStyle}>
        <span
          style={{ display: 'inline-flex', gap: token('space.050'), alignItems: 'center', flexWrap: 'wrap' }}
        >
          <strong data-testid="rank">{epic.rank}</strong>
          {canMove && <MoveButtons epic={epic} above={above} below={below} move={move} />}
        </span>
        <div>{suggestion}</div>
      </td>
      <td style={cellStyle}>
        <span style={{ display: 'inline-flex', gap: token('space.075'), alignItems: 'center' }}>
          <IssueLink issueKey={epic.key} /> <StatusLozenge issue={epic} />
        </span>
        <div>{epic.summary}</div>
      </td>
      <td style={cellStyle}>{epic.team}</td>
      <td style={cellStyle}>
        {epic.wsjf === null ? <span style={muted}>— {epic.wsjfProblem}</span> : formatNumber(epic.wsjf)}
      </td>
      <td style={cellStyle}>{epic.readiness === null ? '—' : `${epic.readiness}%`}</td>
      <td style={cellStyle}>
        {formatNumber(epic.readyPoints)} / {formatNumber(epic.openPoints)}
      </td>
      <td style={cellStyle}>{epic.depsIn}</td>
      <td style={cellStyle}>{epic.depsOut}</td>
      <td style={cellStyle}>
        <span style={{ display: 'inline-flex', gap: token('space.050'), flexWrap: 'wrap' }}>
          {epic.conflicts > 0 ? (
            <Lozenge appearance="removed">{`${epic.conflicts} conflict${epic.conflicts === 1 ? '' : 's'}`}</Lozenge>
          ) : (
            '0'
          )}
          {epic.inCycle && (
            <Lozenge appearance="removed" isBold>
              cycle
            </Lozenge>
          )}
          {epic.inversion && <Lozenge appearance="moved">rank inversion</Lozenge>}
        </span>
      </td>
      <td style={cellStyle}>{epic.impediments}</td>
    </>
  );
}
