/**
 * Issue context panel: what this issue needs and what needs it, transitively (with depth, team and each
 * edge's sprint-order status), its cycle and critical-path membership, and its readiness checklist.
 */
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Notice as SectionMessage } from '../../components/Notice';
import { token } from '@atlaskit/tokens';
import type { IssueContext } from '../../../../src/shared/contract';
import { CyclePath } from '../../components/CyclePath';
import { SnapshotBar } from '../../components/SnapshotBar';
import { ErrorState, LoadingState } from '../../components/States';
import { plural } from '../../format';
import { useResolver } from '../../useResolver';
import { ImpedimentSection } from './impediment/ImpedimentSection';
import { EpicRollupSection } from './EpicRollupSection';
import { ForecastSection } from './ForecastSection';
import { ImpedimentLinks } from './ImpedimentLinks';
import { ReadinessChecklist } from './ReadinessChecklist';
import { TrailList } from './TrailList';

export default function IssueContextView({ issueKey }: { issueKey: string }) {
  const [context, retry, , reload] = useResolver('issue/getContext', { issueKey });
  if (context.state === 'loading' && !context.previous)
    return <LoadingState label={`Loading the dependencies of ${issueKey}`} />;
  if (context.state === 'error') return <ErrorState error={context.error} onRetry={retry} />;
  const data = context.state === 'ready' ? context.data : context.previous;
  if (!data) return null;
  return (
    <div style={{ display: 'grid', gap: token('space.200') }}>
      <StatusBadges context={data} />
      <ImpedimentSection issueKey={issueKey} />
      <ImpedimentLinks links={data.impediments} />
      {data.epic && <EpicRollupSection rollup={data.epic} />}
      {data.forecast && <ForecastSection forecast={data.forecast} />}
      {data.inCycle && !data.epic && (
        <SectionMessage appearance="error" title="In a dependency cycle">
          <p data-testid="cycle-with">
            <CyclePath path={data.cyclePath} />. No order of sprints can satisfy a cycle: break one link.
          </p>
        </SectionMessage>
      )}
      <TrailList
        title="Needs (upstream)"
        hint="Work that must finish first, transitively."
        entries={data.upstream}
        testId="upstream"
      />
      <TrailList
        title="Needed by (downstream)"
        hint="Work waiting for this issue, transitively."
        entries={data.downstream}
        testId="downstream"
      />
      {data.hiddenIssueCount > 0 && (
        <p data-testid="hidden-issues" style={{ color: token('color.text.subtle') }}>
          {plural(data.hiddenIssueCount, 'linked issue')} hidden: no permission.
        </p>
      )}
      {data.readiness && <ReadinessChecklist readiness={data.readiness} />}
      <SnapshotBar snapshot={data.snapshot} analysis={data.analysis} onRefreshed={reload} />
    </div>
  );
}

/** What the collapsed panel's badge would say: open conflicts and blockers, at a glance. */
function StatusBadges({ context }: { context: IssueContext }) {
  const { conflicts, blockers } = context.badge;
  return (
    <div
      data-testid="status-badges"
      style={{ display: 'flex', gap: token('space.100'), flexWrap: 'wrap', alignItems: 'center' }}
    >
      <Heading size="xsmall" as="h2">
        {context.issue.key}
      </Heading>
      <span data-testid="context-summary" style={{ color: token('color.text.subtle') }}>
        {context.issue.summary}
      </span>
      <Lozenge appearance={conflicts > 0 ? 'removed' : 'success'} isBold={conflicts > 0}>
        {plural(conflicts, 'conflict')}
      </Lozenge>
      <Lozenge appearance={blockers > 0 ? 'moved' : 'default'}>{plural(blockers, 'open blocker')}</Lozenge>
      {context.critical && (
        <Lozenge appearance="inprogress" isBold>
          critical path
        </Lozenge>
      )}
      {context.inCycle && (
        <Lozenge appearance="removed" isBold>
          cycle
        </Lozenge>
      )}
    </div>
  );
}
