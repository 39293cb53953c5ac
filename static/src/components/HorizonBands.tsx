/** Each team's ready-backlog horizon against the target band (e.g. 2-4 sprints), as a labelled bar. */
import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { TeamHorizon } from '../../../src/shared/contract';
import { formatNumber } from '../format';

const APPEARANCE: Record<TeamHorizon['status'], ThemeAppearance> = {
  green: 'success',
  amber: 'moved',
  red: 'removed',
  unknown: 'default',
};
const BAR = {
  green: 'color.background.success.bold',
  amber: 'color.background.warning.bold',
  red: 'color.background.danger.bold',
  unknown: 'color.background.neutral.bold',
} as const;

export function HorizonBands({
  horizons,
  band,
}: {
  horizons: TeamHorizon[];
  band: { minSprints: number; maxSprints: number };
}) {
  if (horizons.length === 0) return <p>No team horizons yet.</p>;
  const scale = Math.max(band.maxSprints * 1.5, ...horizons.map((h) => h.horizonSprints ?? 0));
  const pct = (v: number) => `${Math.min(100, (v / scale) * 100)}%`;
  return (
    <ul
      aria-label="Ready-backlog horizon per team"
      style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: token('space.100') }}
    >
      {horizons.map((h) => (
        <li
          key={h.team}
          data-testid={`horizon-${h.team}`}
          style={{
            display: 'grid',
            gridTemplateColumns: '6rem 1fr 9rem',
            gap: token('space.100'),
            alignItems: 'center',
          }}
        >
          <strong>{h.team}</strong>
          <div
            role="img"
            aria-label={`${h.team}: ${h.reason}`}
            title={h.reason}
            style={{
              position: 'relative',
              height: 12,
              background: token('color.background.neutral'),
              borderRadius: 6,
            }}
          >
            <div
              style={{
                position: 'absolute',
                left: pct(band.minSprints),
                width: `calc(${pct(band.maxSprints)} - ${pct(band.minSprints)})`,
                top: -3,
                bottom: -3,
                border: `2px dashed ${token('color.border.bold')}`,
                borderRadius: 4,
              }}
            />
            <div
              style={{
                width: pct(h.horizonSprints ?? 0),
                height: '100%',
                borderRadius: 6,
                background: token(BAR[h.status]),
              }}
            />
          </div>
          <span style={{ display: 'flex', gap: token('space.075'), alignItems: 'center' }}>
            <span>{formatNumber(h.horizonSprints, 2)} sprints</span>
            <Lozenge appearance={APPEARANCE[h.status]}>{h.status}</Lozenge>
          </span>
        </li>
      ))}
    </ul>
  );
}
