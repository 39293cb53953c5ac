/**
 * One number's trend: a small SVG line over the weekly points (oldest left, now right) and the value
 * now against 2, 4 and 8 weeks ago in text, so nothing is conveyed by the line alone.
 */
import { token } from '@atlaskit/tokens';

/** The weeks back "now" is compared with (the resolver sends one point a week, now first). */
const COMPARED_WEEKS = [2, 4, 8] as const;
const WIDTH = 72;
const HEIGHT = 20;

/** `values`: one per week back, now first (as the resolver sends them); null = no summary that week. */
export function Sparkline({ values, label }: { values: ReadonlyArray<number | null>; label: string }) {
  const known = values.flatMap((v) => (v === null ? [] : [v]));
  const low = Math.min(...known);
  const high = Math.max(...known);
  const span = high - low || 1;
  const last = values.length - 1;
  const points = values.flatMap((v, i) => {
    if (v === null) return [];
    const x = ((last - i) / Math.max(1, last)) * (WIDTH - 4) + 2;
    const y = high === low ? HEIGHT / 2 : HEIGHT - 2 - ((v - low) / span) * (HEIGHT - 4);
    return [`${x.toFixed(1)},${y.toFixed(1)}`];
  });
  return (
    <svg width={WIDTH} height={HEIGHT} role="img" aria-label={label} style={{ verticalAlign: 'middle' }}>
      <polyline points={points.join(' ')} fill="none" stroke={token('color.chart.brand')} strokeWidth={1.5} />
      {points.length > 0 && (
        <circle
          cx={Number(points[0]?.split(',')[0])}
          cy={Number(points[0]?.split(',')[1])}
          r={2}
          fill={token('color.chart.brand')}
        />
      )}
    </svg>
  );
}

export function TrendCell({
  values,
  format,
  name,
}: {
  values: ReadonlyArray<number | null>;
  format: (value: number | null) => string;
  /** What the number is, for the chart's accessible label ("PAY horizon"). */
  name: string;
}) {
  const then = COMPARED_WEEKS.map((w) => `${w} w ${format(values[w] ?? null)}`).join(' · ');
  return (
    <div style={{ display: 'grid', gap: token('space.025') }}>
      <span>
        <Sparkline values={values} label={`${name}: now ${format(values[0] ?? null)}, ${then}`} />{' '}
        <strong>{format(values[0] ?? null)}</strong>
      </span>
      <span style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>{then}</span>
    </div>
  );
}
