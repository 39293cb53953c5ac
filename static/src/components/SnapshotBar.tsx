/**
 * The partial-data strip every view shows: how old the data is, whether the analysis is being
 * recalculated, what could not be read, how many projects are hidden from this user, and a refresh
 * with its progress (polled from snapshot/getStatus while a job runs).
 */
import Button from '@atlaskit/button/default/button';
import { Notice as SectionMessage } from './Notice';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import type { AnalysisInfo, SnapshotInfo, SnapshotJob } from '../../../src/shared/contract';
import { call } from '../api';
import { formatAge, plural } from '../format';

const POLL_MS = 2_000;
const running = (job: SnapshotJob | null) => job !== null && job.phase !== 'done' && job.phase !== 'failed';

function progressOf(job: SnapshotJob): string {
  if (job.partitionsTotal > 0) return `${job.phase}: ${job.partitionsDone} of ${job.partitionsTotal} parts`;
  return job.phase === 'queued' ? 'queued' : job.phase;
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
  const [job, setJob] = useState<SnapshotJob | null>(null);
  const [failure, setFailure] = useState('');

  useEffect(() => {
    if (!running(job)) return;
    const timer = setTimeout(() => {
      call('snapshot/getStatus', {}).then(
        (status) => {
          setJob(status.job);
          if (!running(status.job)) onRefreshed();
        },
        (cause: unknown) => setFailure(cause instanceof Error ? cause.message : String(cause)),
      );
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job, onRefreshed]);

  const refresh = () => {
    setFailure('');
    call('snapshot/requestRefresh', {}).then(
      (status) => setJob(status.job ?? null),
      (cause: unknown) => setFailure(cause instanceof Error ? cause.message : String(cause)),
    );
  };

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
        {failure && <span style={{ color: token('color.text.danger') }}>{failure}</span>}
      </div>
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
