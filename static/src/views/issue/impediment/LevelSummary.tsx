/** The current level, its owner and the time at the level against the level's SLA, plus the ladder. */
import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { Notice } from '../../../components/Notice';
import type { ImpedimentDetail, SlaStatusName } from '../../../../../src/shared/impediment-contract';

const SLA: Record<SlaStatusName, { appearance: ThemeAppearance; text: string }> = {
  ok: { appearance: 'success', text: 'Within SLA' },
  'at-risk': { appearance: 'moved', text: 'SLA at risk' },
  breached: { appearance: 'removed', text: 'SLA breached' },
  none: { appearance: 'default', text: 'No SLA' },
};

function days(n: number | null): string {
  return n === null ? 'unknown' : `${n} day${n === 1 ? '' : 's'}`;
}

export function LevelSummary({ impediment }: { impediment: ImpedimentDetail }) {
  const sla = SLA[impediment.slaStatus];
  const position = impediment.ladder.findIndex((l) => l.name === impediment.level);
  return (
    <div style={{ display: 'grid', gap: token('space.100') }}>
      <dl
        style={{
          display: 'grid',
          gridTemplateColumns: 'max-content 1fr',
          gap: token('space.050'),
          margin: 0,
        }}
      >
        <dt style={{ color: token('color.text.subtle') }}>Level</dt>
        <dd style={{ margin: 0 }}>
          <strong>{impediment.level}</strong>
          {position >= 0 ? ` (${position + 1} of ${impediment.ladder.length})` : ''}{' '}
          {impediment.resolved ? <Lozenge appearance="success">Resolved</Lozenge> : null}
        </dd>
        <dt style={{ color: token('color.text.subtle') }}>Owner</dt>
        <dd style={{ margin: 0 }}>
          {impediment.owner
            ? `${impediment.owner.displayName}${impediment.owner.kind === 'group' ? ' (group)' : ''}`
            : 'No owner configured for this level'}
        </dd>
        {impediment.resolved ? null : (
          <>
            <dt style={{ color: token('color.text.subtle') }}>At this level</dt>
            <dd style={{ margin: 0 }}>
              {days(impediment.daysAtLevel)}
              {impediment.slaDays === null ? '' : ` of ${days(impediment.slaDays)}`}{' '}
              <Lozenge appearance={sla.appearance}>{sla.text}</Lozenge>
            </dd>
          </>
        )}
        <dt style={{ color: token('color.text.subtle') }}>Age</dt>
        <dd style={{ margin: 0 }}>{days(impediment.ageDays)}</dd>
      </dl>
      {impediment.fieldLevel ? (
        <Notice appearance="warning" title="Level edited outside the ladder">
          <p>
            The Escalation level field says “{impediment.fieldLevel}”, the history says “{impediment.level}”.
            The next move records it properly.
          </p>
        </Notice>
      ) : null}
    </div>
  );
}
