/** A full re-read of the program from Jira, with its progress (polled while it runs). */
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import type { SnapshotStatus } from '../../../../src/shared/contract';
import { call, type ResolverCallError } from '../../api';
import { RefreshFailure } from '../../components/RefreshFailure';
import { ErrorState } from '../../components/States';
import { formatAge, formatDate } from '../../format';
import { toCallError } from '../../useResolver';

const active = (s: SnapshotStatus | undefined) =>
  !!s?.job && s.job.phase !== 'done' && s.job.phase !== 'failed';

export function SnapshotRebuild() {
  const [status, setStatus] = useState<SnapshotStatus | undefined>();
  const [failure, setFailure] = useState<ResolverCallError | undefined>();
  const load = (key: 'snapshot/getStatus' | 'admin/rebuildSnapshot') =>
    call(key, {}).then(setStatus, (cause: unknown) => setFailure(toCallError(cause)));
  useEffect(() => void load('snapshot/getStatus'), []);
  useEffect(() => {
    if (!active(status)) return;
    const timer = setTimeout(() => void load('snapshot/getStatus'), 2_000);
    return () => clearTimeout(timer);
  }, [status]);
  const job = status?.job;
  const pct =
    job && job.partitionsTotal > 0 ? Math.round((job.partitionsDone / job.partitionsTotal) * 100) : undefined;
  return (
    <section aria-label="Program snapshot" style={{ display: 'grid', gap: token('space.100') }}>
      <Heading size="small" as="h2">
        Program snapshot
      </Heading>
      <p style={{ margin: 0 }}>
        {status?.snapshot.state === 'ready'
          ? `Last brought up to date ${formatAge(status.snapshot.ageSeconds)}; last full rebuild ${formatDate(status.snapshot.fullBuiltAt)}.`
          : 'No snapshot yet.'}
      </p>
      {status && <RefreshFailure snapshot={status.snapshot} />}
      {failure && <ErrorState error={failure} />}
      {active(status) && job ? (
        <div
          role="status"
          data-testid="rebuild-progress"
          style={{ display: 'grid', gap: token('space.050') }}
        >
          <span style={{ display: 'inline-flex', gap: token('space.075'), alignItems: 'center' }}>
            <Spinner size="small" label="Rebuilding" /> {job.kind} {job.phase}
            {pct !== undefined &&
              `: ${pct}% (${job.partitionsDone} of ${job.partitionsTotal} parts, ${job.issuesFetched} issues)`}
          </span>
          <progress max={100} value={pct ?? 0} aria-label="Rebuild progress" style={{ width: '100%' }} />
        </div>
      ) : (
        <div>
          <Button onClick={() => void load('admin/rebuildSnapshot')}>Rebuild snapshot now</Button>
          {job?.phase === 'done' && (
            <p data-testid="rebuild-done" style={{ color: token('color.text.subtle') }}>
              Last job ({job.kind}) finished {formatDate(job.finishedAt)}: {job.issuesFetched} issues read.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
