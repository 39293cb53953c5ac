/**
 * A dry run of the MetaScrum order (issue 13: "previewing a reorder, before saving, shows how the
 * forecasts would change"): while it is on, the table's moves (drag, or the move buttons) collect here
 * instead of being saved. The draft can be forecast, undone move by move, discarded, or saved as one
 * change of the order on the version the user saw. Loaded only when a dry run starts.
 */
import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import { Suspense, lazy, useState } from 'react';
import { describeMove, asMoveRequest, MAX_DRAFT_MOVES } from '../../../../src/shared/epic-move';
import { call, type ResolverCallError } from '../../api';
import { ErrorState, LoadingState } from '../../components/States';
import { toCallError } from '../../useResolver';
import type { RowMove } from './rankDrop';

const OrderForecastPreview = lazy(() => import('./OrderForecastPreview'));

export default function DryRunDraft({
  moves,
  baseVersion,
  onUndo,
  onDiscard,
  onSaved,
  onConflict,
}: {
  moves: readonly RowMove[];
  baseVersion: number;
  onUndo: () => void;
  onDiscard: () => void;
  onSaved: () => void;
  /** Someone else changed the order: the board reloads; the draft stays, to be previewed again on it. */
  onConflict: () => void;
}) {
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ResolverCallError | undefined>();
  const save = () => {
    setSaving(true);
    setFailure(undefined);
    call('panel/applyMoves', { moves: [...moves], baseVersion }).then(
      () => {
        setSaving(false);
        onSaved();
      },
      (cause: unknown) => {
        setSaving(false);
        const error = toCallError(cause);
        setFailure(error);
        if (error.code === 'CONFLICT') onConflict();
      },
    );
  };
  const count = `${moves.length} move${moves.length === 1 ? '' : 's'}`;
  return (
    <section
      aria-label="Dry run"
      data-testid="dry-run"
      style={{
        display: 'grid',
        gap: token('space.100'),
        padding: token('space.150'),
        border: `1px dashed ${token('color.border.discovery')}`,
        borderRadius: token('radius.medium'),
      }}
    >
      <p style={{ margin: 0 }}>
        <strong>Dry run:</strong>{' '}
        {moves.length === 0
          ? 'drag rows or use the move buttons; nothing is saved until you save the moves.'
          : `${count} not saved yet (at most ${MAX_DRAFT_MOVES}).`}
      </p>
      {moves.length > 0 && (
        <ol data-testid="dry-run-moves" style={{ margin: 0 }}>
          {moves.map((m, i) => {
            const move = asMoveRequest(m);
            return <li key={i}>{move ? describeMove(move).replace(/^moved /, '') : m.key}</li>;
          })}
        </ol>
      )}
      {failure && <ErrorState error={failure} />}
      <div style={{ display: 'flex', gap: token('space.100'), flexWrap: 'wrap' }}>
        <Button appearance="primary" onClick={save} isDisabled={saving || moves.length === 0}>
          {saving ? 'Saving…' : `Save ${count}`}
        </Button>
        <Button onClick={onUndo} isDisabled={saving || moves.length === 0}>
          Undo last move
        </Button>
        <Button onClick={onDiscard} isDisabled={saving}>
          Discard dry run
        </Button>
      </div>
      {moves.length > 0 && (
        <Suspense fallback={<LoadingState label="Loading the forecast preview" />}>
          <OrderForecastPreview
            // A new move is a new proposal: a fresh preview, run only when asked.
            key={moves.map((m) => `${m.key}:${m.to}:${m.anchor ?? ''}`).join('|')}
            proposal={{ kind: 'moves', moves }}
            label={`The dry run's ${count}`}
          />
        </Suspense>
      )}
    </section>
  );
}
