/**
 * Escalate / de-escalate / resolve with a required reason. Each click gets a new request id, so a
 * double click or a retried call is one move; the version the user saw goes along, so a move on a
 * history that changed meanwhile is refused and the section reloads.
 */
import Button from '@atlaskit/button/new';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useState, type FormEvent } from 'react';
import type {
  ImpedimentDetail,
  MovePayload,
  MoveResult,
} from '../../../../../src/shared/impediment-contract';
import { call, type ResolverCallError } from '../../../api';
import { Notice } from '../../../components/Notice';
import { ErrorState } from '../../../components/States';
import { toCallError } from '../../../useResolver';
import { announceOwnWrite } from '../../../freshness';

type MoveKey = 'impediment/escalate' | 'impediment/deEscalate' | 'impediment/resolve';

function newRequestId(): string {
  return (
    globalThis.crypto?.randomUUID?.() ??
    `req-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
  );
}

export function MoveForm({
  impediment,
  notice,
  onMoved,
  onStale,
}: {
  impediment: ImpedimentDetail;
  notice: MoveResult | undefined;
  onMoved: (result: MoveResult) => void;
  onStale: () => void;
}) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<MoveKey | undefined>(undefined);
  const [error, setError] = useState<ResolverCallError | undefined>(undefined);
  // The last request, so that "Finish the move" replays it: same request id = same move, effects retried.
  const [last, setLast] = useState<{ key: MoveKey; payload: MovePayload } | undefined>(undefined);
  const inputId = `impediment-reason-${impediment.issueKey}`;
  const index = impediment.ladder.findIndex((l) => l.name === impediment.level);
  const above = impediment.ladder[index + 1]?.name;
  const below = impediment.ladder[index - 1]?.name;

  const act = (key: MoveKey, replay?: MovePayload) => {
    setBusy(key);
    setError(undefined);
    const payload = replay ?? {
      issueKey: impediment.issueKey,
      reason,
      requestId: newRequestId(),
      expectedVersion: impediment.version,
    };
    setLast({ key, payload });
    call(key, payload).then(
      (result) => {
        setBusy(undefined);
        if (result.outcome !== 'conflict') setReason('');
        if (result.outcome === 'applied') announceOwnWrite();
        onMoved(result);
      },
      (cause: unknown) => {
        setBusy(undefined);
        setError(toCallError(cause));
      },
    );
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (impediment.actions.escalate) act('impediment/escalate');
  };

  const reasonError = error?.field === 'reason' ? error.message.replace(/^reason: /, '') : undefined;
  return (
    <form
      onSubmit={onSubmit}
      style={{ display: 'grid', gap: token('space.100') }}
      aria-busy={busy !== undefined}
    >
      {notice ? (
        <Notice
          appearance={notice.outcome === 'conflict' || notice.unfinished.length > 0 ? 'warning' : 'success'}
        >
          <p>{notice.message}</p>
          {notice.unfinished.length > 0 && last ? (
            <Button appearance="subtle" onClick={() => act(last.key, last.payload)}>
              Finish the move
            </Button>
          ) : null}
          {notice.outcome === 'conflict' ? (
            <Button appearance="subtle" onClick={onStale}>
              Reload the impediment
            </Button>
          ) : null}
        </Notice>
      ) : null}
      <div>
        <Label htmlFor={inputId}>Reason (required)</Label>
        <Textfield
          id={inputId}
          value={reason}
          maxLength={1000}
          isInvalid={reasonError !== undefined}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {reasonError ? (
          <ErrorMessage>{reasonError}</ErrorMessage>
        ) : (
          <HelperMessage>Recorded in the history and the comment.</HelperMessage>
        )}
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100') }}>
        <Button
          type="submit"
          appearance="primary"
          isDisabled={!impediment.actions.escalate || busy !== undefined}
          isLoading={busy === 'impediment/escalate'}
        >
          {above ? `Escalate to ${above}` : 'Escalate'}
        </Button>
        <Button
          isDisabled={!impediment.actions.deEscalate || busy !== undefined}
          isLoading={busy === 'impediment/deEscalate'}
          onClick={() => act('impediment/deEscalate')}
        >
          {below ? `De-escalate to ${below}` : 'De-escalate'}
        </Button>
        <Button
          isDisabled={!impediment.actions.resolve || busy !== undefined}
          isLoading={busy === 'impediment/resolve'}
          onClick={() => act('impediment/resolve')}
        >
          Resolve
        </Button>
      </div>
      {error && !reasonError ? <ErrorState error={error} /> : null}
    </form>
  );
}
