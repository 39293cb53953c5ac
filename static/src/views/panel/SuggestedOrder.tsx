/**
 * The dependency-aware suggested order beside the current one: each move with its reason, the rank
 * inversions (an epic ranked above one it needs), and one action to accept it all.
 */
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Notice as SectionMessage } from '../../components/Notice';
import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import type { Board } from '../../../../src/shared/contract';
import { call, type ResolverCallError } from '../../api';
import { IssueLink } from '../../components/IssueLink';
import { EmptyView, ErrorState } from '../../components/States';
import { toCallError } from '../../useResolver';

const RECHECK_MS = 3000;

export function SuggestedOrder({ board, onAccepted }: { board: Board; onAccepted: () => void }) {
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [failure, setFailure] = useState<ResolverCallError | undefined>();
  const { moves, inversions, moveCount, inversionCount } = board.suggestion;
  // After a change (an accepted order, a move) the inversions still describe the old order until the
  // analysis of the new one is done: show none of them, and re-read the board until it is.
  const fresh = board.analysis.state === 'ready';
  useEffect(() => {
    if (fresh) return;
    const timer = setTimeout(onAccepted, RECHECK_MS);
    return () => clearTimeout(timer);
  }, [fresh, board, onAccepted]);
  const accept = () => {
    setState('saving');
    setFailure(undefined);
    call('panel/acceptSuggestedOrder', { baseVersion: board.order.version }).then(
      () => {
        setState('saved');
        onAccepted();
      },
      (cause: unknown) => {
        setState('idle');
        const error = toCallError(cause);
        setFailure(error);
        // The order changed since this board was loaded: reload so the suggestion is made on it.
        if (error.code === 'CONFLICT') onAccepted();
      },
    );
  };
  return (
    <div style={{ display: 'grid', gap: token('space.200'), paddingTop: token('space.150') }}>
      {failure && <ErrorState error={failure} />}
      {state === 'saved' && (
        <SectionMessage appearance="success">
          <p data-testid="accepted-message">The suggested order is now the MetaScrum order.</p>
        </SectionMessage>
      )}
      <section aria-label="Rank inversions">
        <Heading size="xsmall" as="h2">
          Rank inversions {fresh ? `(${inversionCount})` : ''}
        </Heading>
        {!fresh ? (
          <p data-testid="inversions-pending">Recalculating the rank inversions for the current order…</p>
        ) : inversions.length === 0 ? (
          <p>No epic is ranked above an epic it needs.</p>
        ) : (
          <ul data-testid="inversions">
            {inversions.map((i) => (
              <li key={`${i.higher}-${i.lower}`}>
                <Lozenge appearance="moved">inversion</Lozenge> <IssueLink issueKey={i.higher} /> is ranked
                above <IssueLink issueKey={i.lower} />, which it needs.
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Suggested moves">
        <div style={{ display: 'flex', gap: token('space.200'), alignItems: 'center', flexWrap: 'wrap' }}>
          <Heading size="xsmall" as="h2">
            Suggested moves ({moveCount})
          </Heading>
          {board.order.canReorder && moves.length > 0 && (
            <Button
              appearance="primary"
              onClick={accept}
              isDisabled={state === 'saving' || board.analysis.state !== 'ready'}
            >
              {state === 'saving' ? 'Accepting…' : 'Accept suggested order'}
            </Button>
          )}
        </div>
        {!fresh && <p>The suggestion is being recalculated after the latest change.</p>}
        {moveCount > moves.length && (
          <p>
            The first {moves.length} moves by suggested rank; accepting applies all {moveCount}.
          </p>
        )}
        {!fresh && moves.length === 0 ? null : moves.length === 0 ? (
          <EmptyView
            header="Nothing to move"
            description="The current order already follows WSJF and dependencies."
          />
        ) : (
          <table style={{ borderCollapse: 'collapse', width: '100%' }}>
            <caption
              style={{ font: token('font.body.small'), textAlign: 'left', color: token('color.text.subtle') }}
            >
              Current rank → suggested rank, with the reason
            </caption>
            <thead>
              <tr>
                <th scope="col" style={{ textAlign: 'left' }}>
                  Epic
                </th>
                <th scope="col" style={{ textAlign: 'left' }}>
                  Now
                </th>
                <th scope="col" style={{ textAlign: 'left' }}>
                  Suggested
                </th>
                <th scope="col" style={{ textAlign: 'left' }}>
                  Why
                </th>
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
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
