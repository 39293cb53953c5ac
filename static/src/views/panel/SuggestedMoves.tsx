/**
 * The suggested moves, each with its reason and, for someone who may reorder, its own "Accept": one
 * move on its own, made on the order version the board was loaded with (a second click before the
 * board reloads is refused with CONFLICT, so the same move is never applied twice).
 */
import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import type { Board } from '../../../../src/shared/contract';
import { IssueLink } from '../../components/IssueLink';

export type SuggestedMove = Board['suggestion']['moves'][number];

export function SuggestedMoves({
  moves,
  canAccept,
  busy,
  onAccept,
  onPreview,
}: {
  moves: readonly SuggestedMove[];
  canAccept: boolean;
  busy: boolean;
  onAccept: (move: SuggestedMove) => void;
  /** A dry run of this one move: how the epics' forecasts would change (nothing is saved). */
  onPreview?: (move: SuggestedMove) => void;
}) {
  const head = [
    'Epic',
    'Now',
    'Suggested',
    'Why',
    ...(onPreview ? ['Forecast'] : []),
    ...(canAccept ? [''] : []),
  ];
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%' }}>
      <caption
        style={{ font: token('font.body.small'), textAlign: 'left', color: token('color.text.subtle') }}
      >
        Current rank → suggested rank, with the reason
      </caption>
      <thead>
        <tr>
          {head.map((label, i) => (
            <th key={i} scope="col" style={{ textAlign: 'left' }}>
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {moves.map((m) => (
          <tr
            key={m.key}
            data-testid={`move-${m.key}`}
            style={{ borderTop: `1px solid ${token('color.border')}` }}
          >
            <td>
              <IssueLink issueKey={m.key} />
            </td>
            <td>{m.from}</td>
            <td>
              {m.to} {m.to < m.from ? '▲' : '▼'}
            </td>
            <td>{m.reason}</td>
            {onPreview && (
              <td>
                <Button
                  spacing="compact"
                  appearance="subtle"
                  aria-label={`Preview the forecast with ${m.key} at rank ${m.to}`}
                  onClick={() => onPreview(m)}
                >
                  Preview
                </Button>
              </td>
            )}
            {canAccept && (
              <td>
                <Button
                  spacing="compact"
                  aria-label={`Accept the move of ${m.key} to rank ${m.to}`}
                  isDisabled={busy}
                  onClick={() => onAccept(m)}
                >
                  Accept
                </Button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
