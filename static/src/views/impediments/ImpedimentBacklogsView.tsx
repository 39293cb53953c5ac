/**
 * The impediment backlogs subpage of the project page (issue 14): the Executive Action Team's own
 * backlog, the backlog of each ladder level with a level filter, and the metrics as charts. Both
 * answers come from Jira as the user, so a project they cannot browse is only counted.
 */
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { ImpedimentBacklogs } from '../../../../src/shared/impediment-contract';
import { Notice } from '../../components/Notice';
import { SnapshotFailureNotice } from '../../components/SnapshotFailureNotice';
import { ErrorState, LoadingState } from '../../components/States';
import { plural } from '../../format';
import { useResolver } from '../../useResolver';
import { BacklogTable } from './BacklogTable';
import { ImpedimentCharts } from './ImpedimentCharts';

const ALL = '';

function LevelFilter({
  levels,
  chosen,
  choose,
}: {
  levels: readonly string[];
  chosen: string;
  choose: (level: string) => void;
}) {
  return (
    <div role="group" aria-label="Filter by level" style={{ display: 'flex', gap: token('space.050') }}>
      {[ALL, ...levels].map((level) => (
        <Button
          key={level || 'all'}
          isSelected={chosen === level}
          aria-pressed={chosen === level}
          onClick={() => choose(level)}
        >
          {level || 'All levels'}
        </Button>
      ))}
    </div>
  );
}

function Backlogs({ data }: { data: ImpedimentBacklogs }) {
  const [chosen, choose] = useState(ALL);
  const shown = data.levels.filter((l) => chosen === ALL || l.level === chosen);
  const eatOwner = data.executive.owner?.displayName;
  const eatLabel = `${data.executive.level ?? 'Top level'}: own backlog`;
  return (
    <>
      <section
        aria-label="Executive Action Team backlog"
        style={{ display: 'grid', gap: token('space.100') }}
      >
        <Heading size="small" as="h2">
          {eatLabel}
        </Heading>
        <p style={{ color: token('color.text.subtle'), margin: 0 }}>
          Everything open at the top of the ladder, plus anything below it past its SLA
          {eatOwner ? `; owner ${eatOwner}` : ''}.
        </p>
        <BacklogTable items={data.executive.items} label={eatLabel} showLevel />
      </section>
      <section aria-label="Backlog per level" style={{ display: 'grid', gap: token('space.150') }}>
        <Heading size="small" as="h2">
          Backlog per level
        </Heading>
        <LevelFilter levels={data.levels.map((l) => l.level)} chosen={chosen} choose={choose} />
        {shown.map((l) => (
          <section key={l.level} aria-label={`${l.level} backlog`} data-testid={`level-${l.level}`}>
            <Heading size="xsmall" as="h3">
              {l.level} ({plural(l.items.length, 'open impediment')})
            </Heading>
            <p style={{ color: token('color.text.subtle'), margin: `${token('space.050')} 0` }}>
              Owner: {l.owner?.displayName ?? 'none configured'}; SLA:{' '}
              {l.slaDays === null ? 'none' : `${l.slaDays} days at this level`}.
            </p>
            <BacklogTable items={l.items} label={`${l.level} backlog`} />
          </section>
        ))}
      </section>
    </>
  );
}

export default function ImpedimentBacklogsView() {
  const [backlogs, retryBacklogs] = useResolver('impediment/listBacklogs', {});
  const [metrics, retryMetrics] = useResolver('impediment/getMetrics', {});
  if (backlogs.state === 'error') return <ErrorState error={backlogs.error} onRetry={retryBacklogs} />;
  if (backlogs.state === 'loading') return <LoadingState label="Loading the impediment backlogs" />;
  const hidden = backlogs.data.hiddenProjectCount;
  return (
    <div style={{ display: 'grid', gap: token('space.300') }}>
      <Heading size="medium" as="h1">
        Impediment backlogs
      </Heading>
      <SnapshotFailureNotice />
      {hidden > 0 && (
        <Notice appearance="warning" title="Some projects are hidden">
          {plural(hidden, 'program project')} left out: you cannot browse them.
        </Notice>
      )}
      <Backlogs data={backlogs.data} />
      {metrics.state === 'error' && <ErrorState error={metrics.error} onRetry={retryMetrics} />}
      {metrics.state === 'loading' && <LoadingState label="Loading the impediment metrics" />}
      {metrics.state === 'ready' && <ImpedimentCharts metrics={metrics.data} />}
    </div>
  );
}
