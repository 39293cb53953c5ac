/**
 * The partial-data strip every view shows: how old the data is, whether the analysis is being
 * recalculated, what could not be read, a failed refresh, how many projects are hidden from this user,
 * and a refresh with its progress. It polls snapshot/getStatus: every 2 s while a job runs, the
 * analysis is being recalculated or this page just wrote something (the app refreshes its own writes),
 * otherwise every 20 s while the page is visible; when the status reports newer data than the view
 * shows, the view reloads itself.
 */
import Button from '@atlaskit/button/default/button';
import { Notice as SectionMessage } from './Notice';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import type { AnalysisInfo, SnapshotInfo, SnapshotJob, SnapshotStatus } from '../../../src/shared/contract';
import { call } from '../api';
import { onOwnWrite } from '../freshness';
import { formatAge, plural } from '../format';
import { RefreshFailure } from './RefreshFailure';

const FAST_POLL_MS = 2_000;
const SLOW_POLL_MS = 20_000;
/** How long after an own write the bar keeps polling fast for its refresh to land. */
const WATCH_MS = 120_000;
const running = (job: SnapshotJob | null) => job !== null && job.phase !== 'done' && job.phase !== 'failed';

function progressOf(job: SnapshotJob): string {
  if (job.partitionsTotal > 0) return `${job.phase}: ${job.partitionsDone} of ${job.partitionsTotal} parts`;
  return job.phase === 'queued' ? 'queued' : job.phase;
}

/** True when the status holds data the view does not show yet. */
function isNewer(status: SnapshotStatus, snapshot: SnapshotInfo, analysis?: AnalysisInfo): boolean {
  if (analysis) {
    const fresh = status.analysis;
    return fresh?.state === 'ready' && fresh.computedAt !== null && fresh.computedAt !== analysis.computedAt;
  }
  return status.snapshot.builtAt !== null && status.snapshot.builtAt !== snapshot.builtAt;
}

export function SnapshotBar({
  snapshot,
  analysis,
  hiddenProjectCount = 0,
  hiddenIssueCount = 0,
  onRefreshed,
}: {
  snapshot: SnapshotInfo;
  analysis?: AnalysisInfo;
  hiddenProjectCount?: number;
  /** Issues of browsable projects that Jira's issue security hides from this user. */
  hiddenIssueCount?: number;
  onRefreshed: () => void;
}) {
  const [latest, setLatest] = useState<SnapshotStatus | undefined>();
  const [failure, setFailure] = useState('');
  const [note, setNote] = useState('');
  const [watchUntil, setWatchUntil] = useState(0);
  const [tick, setTick] = useState(0);
  const job = latest?.job ?? null;

  useEffect(() => onOwnWrite(() => setWatchUntil(Date.now() + WATCH_MS)), []);

  useEffect(() => {
    const fast = running(job) || analysis?.state === 'stale' || Date.now() < watchUntil;
    const timer = setTimeout(
      () => {
        if (!fast && document.visibilityState === 'hidden') return setTick((n) => n + 1);
        call('snapshot/getStatus', {}).then(
          (status) => {
            setLatest(status);
            setFailure('');
            if (isNewer(status, snapshot, analysis)) onRefreshed();
            setTick((n) => n + 1);
          },
          (cause: unknown) => {
            setFailure(cause instanceof Error ? cause.message : String(cause));
            setTick((n) => n + 1);
          },
        );
      },
      fast ? FAST_POLL_MS : SLOW_POLL_MS,
    );
    return () => clearTimeout(timer);
  }, [tick, watchUntil, snapshot, analysis, onRefreshed, job]);

  const refresh = () => {
    setFailure('');
    call('snapshot/requestRefresh', {}).then(
      (status) => {
        setLatest(status);
        setNote(status.refresh?.outcome === 'queued' ? '' : (status.refresh?.message ?? ''));
        setWatchUntil(Date.now() + WATCH_MS);
      },
      (cause: unknown) => setFailure(cause instanceof Error ? cause.message : String(cause)),
    );
  };
  // The status polled since the view loaded is newer than the view's own header.
  const shown = latest?.snapshot ?? snapshot;

  return (
    <div style={{ display: 'grid', gap: token('space.100') }}>
      <div
        data-testid="snapshot-bar"
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          gap: token('space.150'),
          color: token('color.text.subtle'),
        }}
      >
        <span>
          {snapshot.state === 'missing'
            ? 'The program is being read for the first time.'
            : `Data from Jira as of ${formatAge(snapshot.ageSeconds)}.`}
        </span>
        {analysis?.state === 'stale' && <span>Recalculating after the latest change…</span>}
        {hiddenProjectCount > 0 && (
          <span data-testid="hidden-projects">
            {plural(hiddenProjectCount, 'project')} hidden: no permission.
          </span>
        )}
        {hiddenIssueCount > 0 && (
          <span data-testid="hidden-issues">
            {plural(hiddenIssueCount, 'issue')} you cannot see (issue security) left out.
          </span>
        )}
        {running(job) && job ? (
          <span
            role="status"
            style={{ display: 'inline-flex', gap: token('space.075'), alignItems: 'center' }}
          >
            <Spinner size="small" label="Refreshing" /> Refreshing ({progressOf(job)})
          </span>
        ) : (
          <Button appearance="subtle" onClick={refresh}>
            Refresh
          </Button>
        )}
        {note && !running(job) && <span data-testid="refresh-note">{note}</span>}
        {failure && <span style={{ color: token('color.text.danger') }}>{failure}</span>}
      </div>
      <RefreshFailure snapshot={{ ...snapshot, lastFailure: shown.lastFailure ?? null }} />
      {snapshot.partial.length > 0 && (
        <SectionMessage appearance="warning" title="Part of the program could not be read">
          <ul>
            {snapshot.partial.map((p) => (
              <li key={`${p.scope}-${p.reason}`}>
                {p.scope}: {p.reason}
              </li>
            ))}
          </ul>
        </SectionMessage>
      )}
    </div>
  );
}
