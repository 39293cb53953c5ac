/**
 * The dependency-aware suggested order beside the current one: each move with its reason, the rank
 * inversions (an epic ranked above one it needs), and actions to accept one move or all of them.
 */
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Notice as SectionMessage } from '../../components/Notice';
import { token } from '@atlaskit/tokens';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { Board } from '../../../../src/shared/contract';
import { call, type ResolverCallError } from '../../api';
import { IssueLink } from '../../components/IssueLink';
import { EmptyView, ErrorState, LoadingState } from '../../components/States';
import { toCallError } from '../../useResolver';
import { SuggestedMoves, type SuggestedMove } from './SuggestedMoves';

const RECHECK_MS = 3000;
// Loaded on first use: the preview is an extra the suggestion tab opens without.
const OrderForecastPreview = lazy(() => import('./OrderForecastPreview'));

export function SuggestedOrder({ board, onAccepted }: { board: Board; onAccepted: () => void }) {
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [failure, setFailure] = useState<ResolverCallError | undefined>();
  const [saved, setSaved] = useState('');
  const [previewed, setPreviewed] = useState<SuggestedMove | undefined>();
  const { moves, inversions, moveCount, inversionCount } = board.suggestion;
  // After a change (an accepted order, a move) the inversions still describe the old order until the
  // analysis of the new one is done: show none of them, and re-read the board until it is.
  const fresh = board.analysis.state === 'ready';
  useEffect(() => {
    if (fresh) return;
    const timer = setTimeout(onAccepted, RECHECK_MS);
    return () => clearTimeout(timer);
  }, [fresh, board, onAccepted]);
  // Either accept is made on the order version this board was loaded with; CONFLICT reloads the board.
  const save = (request: Promise<unknown>, done: string) => {
    setState('saving');
    setFailure(undefined);
    request.then(
      () => {
        setState('saved');
        setSaved(done);
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
  const accept = () =>
    save(
      call('panel/acceptSuggestedOrder', { baseVersion: board.order.version }),
      'The suggested order is now the MetaScrum order.',
    );
  const acceptOne = (m: SuggestedMove) =>
    save(
      call('panel/acceptSuggestedMove', { key: m.key, baseVersion: board.order.version }),
      `${m.key} moved to rank ${m.to}.`,
    );
  return (
    <div style={{ display: 'grid', gap: token('space.200'), paddingTop: token('space.150') }}>
      {failure && <ErrorState error={failure} />}
      {state === 'saved' && (
        <SectionMessage appearance="success">
          <p data-testid="accepted-message">{saved}</p>
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
              <li key={`${i.higher}-${i.lower}`} data-testid={`inversion-${i.higher}`}>
                <Lozenge appearance="moved">inversion</Lozenge> <IssueLink issueKey={i.higher} /> is ranked
                above <IssueLink issueKey={i.lower} />, which it needs.
                {i.inCycle && (
                  <>
                    {' '}
                    <Lozenge appearance="removed">cycle</Lozenge> They also need each other through a
                    dependency cycle, so no order fixes this: break the cycle (see the map).
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Suggested moves">
        <div style={{ display: 'flex', gap: token('space.200'), alignItems: 'center', flexWrap: 'wrap' }}>
          <Heading size="xsmall" as="h2">
            Suggested moves {fresh ? `(${moveCount})` : ''}
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
        {fresh && moves.length > 0 && (
          <Suspense fallback={<LoadingState label="Loading the forecast preview" />}>
            <OrderForecastPreview proposal={{ kind: 'suggested' }} label="The suggested order" />
          </Suspense>
        )}
        {fresh && previewed && (
          <Suspense fallback={<LoadingState label="Loading the forecast preview" />}>
            <OrderForecastPreview
              key={`${previewed.key}-${previewed.to}`}
              proposal={{ kind: 'move', key: previewed.key, to: previewed.to }}
              label={`${previewed.key} at rank ${previewed.to}`}
              runAtOnce
            />
          </Suspense>
        )}
        {!fresh && <p>The suggestion is being recalculated after the latest change.</p>}
        {fresh && moveCount > moves.length && (
          <p>
            The first {moves.length} moves by suggested rank; accepting applies all {moveCount}.
          </p>
        )}
        {!fresh ? null : moves.length === 0 ? (
          <EmptyView
            header="Nothing to move"
            description="The current order already follows WSJF and dependencies."
          />
        ) : (
          <SuggestedMoves
            moves={moves}
            canAccept={board.order.canReorder}
            busy={state === 'saving'}
            onAccept={acceptOne}
            onPreview={setPreviewed}
          />
        )}
      </section>
    </div>
  );
}
