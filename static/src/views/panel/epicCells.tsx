/** The backlog table's columns and one row's cells; every cell is text or a component (Jira text stays inert). */
import Button from '@atlaskit/button/default/button';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import type { BoardEpic, BoardSortKey } from '../../../../src/shared/contract';
import type { RowMove } from './rankDrop';
import { IssueLink } from '../../components/IssueLink';
import { StatusLozenge } from '../../components/StatusLozenge';
import { formatNumber } from '../../format';

export const COLUMNS: ReadonlyArray<{ key: BoardSortKey; label: string; sortable: boolean; width?: number }> =
  [
    { key: 'rank', label: 'Rank', sortable: true, width: 12 },
    { key: 'key', label: 'Epic', sortable: true },
    { key: 'team', label: 'Team', sortable: true },
    { key: 'wsjf', label: 'WSJF', sortable: true },
    { key: 'readiness', label: 'Ready %', sortable: true },
    { key: 'readyPoints', label: 'Ready pts', sortable: true },
    { key: 'forecast', label: 'Forecast (P85)', sortable: true },
    { key: 'depsIn', label: 'Needs', sortable: true },
    { key: 'depsOut', label: 'Needed by', sortable: true },
    { key: 'conflicts', label: 'Conflicts', sortable: true },
    { key: 'impediments', label: 'Impeded', sortable: true },
  ];
export const isSortKey = (key: string): key is BoardSortKey => COLUMNS.some((c) => c.key === key);

export type { RowMove };
type Move = (m: RowMove) => void;

/**
 * Up and down are sent as "before the row above" and "after the row below": the same move twice is one move.
 * With no row above (rank 1, or the top of a page) "up" is disabled rather than hidden, so the buttons stay in place.
 */
function MoveButtons({
  epic,
  above,
  below,
  disabled,
  move,
}: {
  epic: BoardEpic;
  above?: string;
  below?: string;
  disabled: boolean;
  move: Move;
}) {
  const props = { spacing: 'compact', appearance: 'subtle' } as const;
  return (
    <span style={{ display: 'inline-flex', gap: 2 }}>
      <Button
        {...props}
        aria-label={`Move ${epic.key} to the top`}
        isDisabled={disabled || epic.rank === 1}
        onClick={() => move({ key: epic.key, to: 'top' })}
      >
        ⤒
      </Button>
      <Button
        {...props}
        aria-label={`Move ${epic.key} up`}
        isDisabled={disabled || above === undefined}
        onClick={() => above !== undefined && move({ key: epic.key, to: 'before', anchor: above })}
      >
        ↑
      </Button>
      <Button
        {...props}
        aria-label={`Move ${epic.key} down`}
        isDisabled={disabled || below === undefined}
        onClick={() => below !== undefined && move({ key: epic.key, to: 'after', anchor: below })}
      >
        ↓
      </Button>
    </span>
  );
}

/** The P85 date with P50 and P(on time) beside it; otherwise why there is no date. */
function ForecastCell({ forecast }: { forecast: BoardEpic['forecast'] }) {
  const muted = { color: token('color.text.subtlest') };
  if (forecast === null) return <span style={muted}>not forecast yet</span>;
  if (forecast.unforecastable !== null) return <span style={muted}>— {forecast.unforecastable}</span>;
  if (forecast.p85Date === null) return <span style={muted}>beyond the horizon</span>;
  const onTime = forecast.pOnTime === null ? '' : `, ${Math.round(forecast.pOnTime * 100)}% on time`;
  return (
    <>
      <strong>{forecast.p85Date}</strong>
      <div style={muted}>
        P50 {forecast.p50Date ?? '—'}
        {onTime}
      </div>
    </>
  );
}

/** One row's cells in COLUMNS order, as content for the table (its cells bring their own padding). */
export function epicCellContents({
  epic,
  above,
  below,
  canMove,
  moveDisabled,
  move,
}: {
  epic: BoardEpic;
  /** The keys of the rows shown above and below, if any. */
  above?: string;
  below?: string;
  /** Whether the user may reorder here (the buttons are shown), and whether they are disabled now. */
  canMove: boolean;
  moveDisabled: boolean;
  move: Move;
}): ReactNode[] {
  const muted = { color: token('color.text.subtlest') };
  const suggestion =
    epic.suggestedRank === epic.rank ? null : (
      <span title={epic.moveReason ?? ''} style={muted}>
        suggested {epic.suggestedRank}
      </span>
    );
  return [
    <>
      <span
        style={{ display: 'inline-flex', gap: token('space.050'), alignItems: 'center', flexWrap: 'wrap' }}
      >
        <strong data-testid="rank">{epic.rank}</strong>
        {canMove && (
          <MoveButtons epic={epic} above={above} below={below} disabled={moveDisabled} move={move} />
        )}
      </span>
      <div>{suggestion}</div>
    </>,
    <>
      <span style={{ display: 'inline-flex', gap: token('space.075'), alignItems: 'center' }}>
        <IssueLink issueKey={epic.key} /> <StatusLozenge issue={epic} />
      </span>
      <div>{epic.summary}</div>
    </>,
    epic.team,
    epic.wsjf === null ? <span style={muted}>— {epic.wsjfProblem}</span> : formatNumber(epic.wsjf),
    epic.readiness === null ? '—' : `${epic.readiness}%`,
    `${formatNumber(epic.readyPoints)} / ${formatNumber(epic.openPoints)}`,
    <ForecastCell forecast={epic.forecast} />,
    epic.depsIn,
    epic.depsOut,
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
    </span>,
    epic.impediments,
  ];
}
