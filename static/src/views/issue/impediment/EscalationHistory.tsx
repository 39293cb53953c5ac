/** Every move on the ladder, newest first: who, when, from, to and why. */
import { token } from '@atlaskit/tokens';
import type { HistoryMove } from '../../../../../src/shared/impediment-contract';
import { formatDate } from '../../../format';

const VERB: Record<HistoryMove['action'], string> = {
  raise: 'Raised at',
  escalate: 'Escalated to',
  'de-escalate': 'De-escalated to',
  resolve: 'Resolved at',
};

export function EscalationHistory({ history }: { history: readonly HistoryMove[] }) {
  if (history.length === 0) {
    return <p style={{ color: token('color.text.subtle'), margin: 0 }}>No moves recorded yet.</p>;
  }
  return (
    <div>
      <h3 style={{ font: token('font.heading.xsmall'), margin: `0 0 ${token('space.050')}` }}>History</h3>
      <ol
        reversed
        style={{
          margin: 0,
          paddingInlineStart: token('space.300'),
          display: 'grid',
          gap: token('space.075'),
        }}
      >
        {[...history].reverse().map((move) => (
          <li key={move.id}>
            <span>
              <strong>
                {VERB[move.action]} {move.to}
              </strong>
              {move.from && move.action !== 'resolve' && move.action !== 'raise' ? ` from ${move.from}` : ''}
            </span>
            <span style={{ color: token('color.text.subtle') }}>
              {' '}
              · {move.auto ? 'automatically (SLA passed)' : (move.byName ?? 'unknown')} ·{' '}
              <time dateTime={move.at}>{formatDate(move.at)}</time>
            </span>
            {move.reason ? <div style={{ color: token('color.text') }}>“{move.reason}”</div> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
