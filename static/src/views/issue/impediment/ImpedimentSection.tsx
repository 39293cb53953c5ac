/**
 * The impediment part of the issue panel: where it stands on the escalation ladder, who owns that
 * level, how long it has been there against the SLA, its history, and escalate / de-escalate / resolve
 * with a reason. Renders nothing for an issue that is not an impediment. All text from Jira is rendered
 * as text (React escapes it), never as HTML.
 */
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { useCallback, useState } from 'react';
import type { ImpedimentDetail, MoveResult } from '../../../../../src/shared/impediment-contract';
import { ErrorState } from '../../../components/States';
import { useResolver } from '../../../useResolver';
import { EscalationHistory } from './EscalationHistory';
import { LevelSummary } from './LevelSummary';
import { MoveForm } from './MoveForm';
import { RaiseForm } from '../../sos/RaiseForm';
import Button from '@atlaskit/button/new';

/** Work that is not an impediment: raise one that blocks it, from here (issue 14). */
function RaiseFromIssue({ issueKey }: { issueKey: string }) {
  const [open, setOpen] = useState(false);
  return open ? (
    <RaiseForm blocks={[issueKey]} />
  ) : (
    <div>
      <Button spacing="compact" onClick={() => setOpen(true)}>
        Raise an impediment blocking {issueKey}
      </Button>
    </div>
  );
}

export function ImpedimentSection({ issueKey }: { issueKey: string }) {
  const [loadable, retry, replace] = useResolver('impediment/get', { issueKey });
  const [notice, setNotice] = useState<MoveResult | undefined>(undefined);
  const onMoved = useCallback(
    (result: MoveResult) => {
      setNotice(result);
      replace({ impediment: result.impediment });
    },
    [replace],
  );
  // Every issue reaches this section and most are not impediments: no spinner while finding out.
  if (loadable.state === 'loading') return null;
  if (loadable.state === 'error') return <ErrorState error={loadable.error} onRetry={retry} />;
  const impediment: ImpedimentDetail | null = loadable.data.impediment;
  if (!impediment) return <RaiseFromIssue issueKey={issueKey} />;
  return (
    <section
      aria-labelledby={`impediment-${issueKey}`}
      style={{ display: 'grid', gap: token('space.150'), padding: token('space.100') }}
    >
      <Heading size="small" as="h2" id={`impediment-${issueKey}`}>
        Escalation ladder
      </Heading>
      <LevelSummary impediment={impediment} />
      {impediment.canEdit && !impediment.resolved ? (
        <MoveForm
          impediment={impediment}
          notice={notice}
          onMoved={onMoved}
          onStale={() => {
            setNotice(undefined);
            retry();
          }}
        />
      ) : null}
      {!impediment.canEdit && !impediment.resolved ? (
        <p style={{ color: token('color.text.subtle'), margin: 0 }}>
          Only people who can edit {impediment.issueKey} can move it on the ladder.
        </p>
      ) : null}
      <EscalationHistory history={impediment.history} />
    </section>
  );
}
