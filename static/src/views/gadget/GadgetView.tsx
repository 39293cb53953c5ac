/**
 * CPO gadget: the three steering questions (where are we now, where are we going, what is stopping
 * us) and the MetaScrum cadence advice with its inputs; sections and auto-refresh come from edit mode.
 */
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { useEffect } from 'react';
import type { GadgetConfig, Steering } from '../../../../src/shared/contract';
import { HorizonBands } from '../../components/HorizonBands';
import { SnapshotBar } from '../../components/SnapshotBar';
import { ErrorState, LoadingState } from '../../components/States';
import { useResolver } from '../../useResolver';
import { CadenceSection, GoingSection, StoppingSection } from './SteeringSections';

export default function GadgetView({ config }: { config: GadgetConfig }) {
  const [steering, retry, , reload] = useResolver('gadget/getSteering', { config });
  const minutes = config.refreshMinutes ?? 0;
  useEffect(() => {
    if (minutes <= 0) return;
    const timer = setInterval(reload, minutes * 60_000);
    return () => clearInterval(timer);
  }, [minutes, reload]);
  if (steering.state === 'loading' && !steering.previous)
    return <LoadingState label="Loading the program overview" />;
  if (steering.state === 'error') return <ErrorState error={steering.error} onRetry={retry} />;
  const data = steering.state === 'ready' ? steering.data : steering.previous;
  return data ? <Overview data={data} reload={reload} /> : null;
}

function Overview({ data, reload }: { data: Steering; reload: () => void }) {
  const shows = (s: Steering['sections'][number]) => data.sections.includes(s);
  return (
    <div style={{ display: 'grid', gap: token('space.250') }}>
      <Heading size="medium" as="h1">
        {data.title}
      </Heading>
      <SnapshotBar
        snapshot={data.snapshot}
        analysis={data.analysis}
        hiddenProjectCount={data.hiddenProjectCount}
        hiddenIssueCount={data.hiddenIssueCount}
        onRefreshed={reload}
      />
      {shows('now') && (
        <section aria-label="Where are we now">
          <Heading size="small" as="h2">
            Where are we now?
          </Heading>
          <p style={{ color: token('color.text.subtle'), margin: `${token('space.050')} 0` }}>
            Ready backlog against the {data.band.minSprints}-{data.band.maxSprints} sprint band;{' '}
            <span data-testid="readiness-total">
              {data.readiness.readyItems} of {data.readiness.backlogItems} backlog items ready
            </span>
            .
          </p>
          <HorizonBands horizons={data.horizons} band={data.band} />
        </section>
      )}
      {shows('going') && <GoingSection data={data} />}
      {shows('stopping') && <StoppingSection data={data} />}
      {shows('cadence') && <CadenceSection data={data} />}
    </div>
  );
}
