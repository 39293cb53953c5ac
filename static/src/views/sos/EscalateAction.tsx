/**
 * Escalate one impediment from the board, with a reason. A flagged item has no history yet: its first
 * escalation raises an Impediment issue for it (the resolver does that); any other impediment is
 * escalated on the history version read just before, so a move made meanwhile is refused. Someone
 * whom Jira would not let escalate it (`right`, checked as the user) sees the button disabled and why.
 */
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useState, type FormEvent } from 'react';
import type { EscalateRight } from '../../../../src/shared/contract';
import { call, type ResolverCallError } from '../../api';
import { Notice } from '../../components/Notice';
import { ProgramField, useActionProgram } from '../../components/ProgramField';
import { toCallError } from '../../useResolver';
import { newRequestId } from './requestId';

export function EscalateAction({
  issueKey,
  flagged,
  right,
}: {
  issueKey: string;
  flagged: boolean;
  right: EscalateRight;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const [programId, setProgramId, programs] = useActionProgram();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      // The history version is read in the chosen program too: its ladder names the levels.
      const program = programId === undefined ? {} : { programId };
      const version = flagged
        ? 0
        : ((await call('impediment/get', { issueKey, ...program })).impediment?.version ?? 0);
      const result = await call('impediment/escalate', {
        ...program,
        issueKey,
        reason,
        requestId: newRequestId(),
        expectedVersion: version,
      });
      setMessage({ ok: result.outcome !== 'conflict', text: result.message });
      if (result.outcome !== 'conflict') setOpen(false);
    } catch (cause: unknown) {
      const error: ResolverCallError = toCallError(cause);
      setMessage({ ok: false, text: error.message });
    }
    setBusy(false);
  };
  return (
    <div style={{ display: 'grid', gap: token('space.050') }}>
      {message && <Notice appearance={message.ok ? 'success' : 'error'}>{message.text}</Notice>}
      {open ? (
        <form
          onSubmit={(e) => void submit(e)}
          aria-label={`Escalate ${issueKey}`}
          style={{ display: 'flex', gap: token('space.050') }}
        >
          <ProgramField
            id={`escalate-${issueKey}-program`}
            value={programId}
            programs={programs}
            onChange={setProgramId}
          />
          <Textfield
            aria-label={`Why escalate ${issueKey}`}
            placeholder="Why the team cannot solve it"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Button type="submit" appearance="warning" isDisabled={busy}>
            Escalate
          </Button>
        </form>
      ) : right.allowed ? (
        <Button spacing="compact" onClick={() => setOpen(true)}>
          Escalate {issueKey}
        </Button>
      ) : (
        <span
          style={{ display: 'inline-flex', gap: token('space.075'), alignItems: 'center', flexWrap: 'wrap' }}
        >
          <Button spacing="compact" isDisabled aria-describedby={`escalate-why-${issueKey}`}>
            Escalate {issueKey}
          </Button>
          <span id={`escalate-why-${issueKey}`} style={{ color: token('color.text.subtlest') }}>
            {right.reason}
          </span>
        </span>
      )}
    </div>
  );
}
