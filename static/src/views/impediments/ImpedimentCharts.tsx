/**
 * The impediment metrics as small charts drawn with design tokens (no chart library: a few bars do not
 * justify one in the bundle): open per level split by SLA status, key figures, and the 4-week trend.
 * Every chart carries its numbers as an accessible label, so nothing is conveyed by colour alone.
 */
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { ImpedimentMetrics } from '../../../../src/shared/impediment-contract';
import { formatNumber, plural } from '../../format';

const SEGMENTS = [
  { key: 'breached', label: 'breached', color: token('color.background.danger.bold') },
  { key: 'atRisk', label: 'at risk', color: token('color.background.warning.bold') },
  { key: 'within', label: 'within SLA', color: token('color.background.success.bold') },
] as const;

const TREND = [
  { key: 'opened', label: 'opened', color: token('color.background.information.bold') },
  { key: 'resolved', label: 'resolved', color: token('color.background.success.bold') },
  { key: 'escalated', label: 'escalated', color: token('color.background.warning.bold') },
] as const;

function OpenPerLevel({ perLevel }: { perLevel: ImpedimentMetrics['perLevel'] }) {
  const scale = Math.max(1, ...perLevel.map((l) => l.open));
  return (
    <ul aria-label="Open impediments per level" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {perLevel.map((l) => {
        const parts = { breached: l.breached, atRisk: l.atRisk, within: l.open - l.breached - l.atRisk };
        return (
          <li
            key={l.level}
            data-testid={`open-${l.level}`}
            style={{ display: 'grid', gridTemplateColumns: '14rem 1fr 3rem', gap: token('space.100') }}
          >
            <span>{l.level}</span>
            <div
              role="img"
              aria-label={`${l.level}: ${l.open} open, ${l.breached} breached, ${l.atRisk} at risk`}
              style={{ display: 'flex', height: 14, background: token('color.background.neutral') }}
            >
              {SEGMENTS.map((s) => (
                <div
                  key={s.key}
                  title={`${parts[s.key]} ${s.label}`}
                  style={{ width: `${(Math.max(0, parts[s.key]) / scale) * 100}%`, background: s.color }}
                />
              ))}
            </div>
            <strong style={{ textAlign: 'right' }}>{l.open}</strong>
          </li>
        );
      })}
    </ul>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div style={{ padding: token('space.100'), background: token('color.background.neutral.subtle') }}>
      <div style={{ color: token('color.text.subtle') }}>{label}</div>
      <strong data-testid={testId} style={{ fontSize: '1.5em' }}>
        {value}
      </strong>
    </div>
  );
}

/** The trend's weeks start at an instant (ISO); the calendar day is what a reader needs. */
const day = (iso: string) => iso.slice(0, 10);

function WeeklyTrend({ trend }: { trend: ImpedimentMetrics['trend'] }) {
  const scale = Math.max(1, ...trend.flatMap((w) => [w.opened, w.resolved, w.escalated]));
  return (
    <ul
      aria-label="Impediments per week, last 4 weeks"
      style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', gap: token('space.300') }}
    >
      {trend.map((w) => (
        <li key={w.weekStart} data-testid={`week-${day(w.weekStart)}`}>
          <div
            role="img"
            aria-label={`Week of ${day(w.weekStart)}: ${w.opened} opened, ${w.resolved} resolved, ${w.escalated} escalated`}
            style={{ display: 'flex', alignItems: 'flex-end', gap: 2, height: 60 }}
          >
            {TREND.map((t) => (
              <div
                key={t.key}
                title={`${w[t.key]} ${t.label}`}
                style={{
                  width: 14,
                  height: `${(w[t.key] / scale) * 100}%`,
                  minHeight: 1,
                  background: t.color,
                }}
              />
            ))}
          </div>
          <small style={{ color: token('color.text.subtle') }}>{day(w.weekStart)}</small>
        </li>
      ))}
    </ul>
  );
}

function Legend({ items }: { items: ReadonlyArray<{ key: string; label: string; color: string }> }) {
  return (
    <p style={{ display: 'flex', gap: token('space.150'), color: token('color.text.subtle') }}>
      {items.map((i) => (
        <span key={i.key}>
          <span aria-hidden style={{ display: 'inline-block', width: 10, height: 10, background: i.color }} />{' '}
          {i.label}
        </span>
      ))}
    </p>
  );
}

export function ImpedimentCharts({ metrics }: { metrics: ImpedimentMetrics }) {
  return (
    <section aria-label="Impediment metrics" style={{ display: 'grid', gap: token('space.150') }}>
      <Heading size="small" as="h2">
        Metrics
      </Heading>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: token('space.100') }}>
        <Figure label="Open" value={String(metrics.open)} testId="metric-open" />
        <Figure label="SLA breaches" value={String(metrics.slaBreaches)} testId="metric-breaches" />
        <Figure
          label="Median time to resolve"
          value={
            metrics.medianDaysToResolve === null ? '—' : `${formatNumber(metrics.medianDaysToResolve)} days`
          }
          testId="metric-median"
        />
        <Figure
          label="Resolved, last 30 days"
          value={plural(metrics.resolvedLast30Days, 'impediment')}
          testId="metric-resolved"
        />
      </div>
      <OpenPerLevel perLevel={metrics.perLevel} />
      <Legend items={SEGMENTS} />
      <WeeklyTrend trend={metrics.trend} />
      <Legend items={TREND} />
    </section>
  );
}
