/**
 * The gadget's forecast: the top epics' P50 / P85 dates and P(on time), a small SVG burn-up fan of the
 * program (epics done by date at P50, P85, P95; plain SVG keeps the gadget's bundle small), and the
 * open slip alerts.
 */
import { token } from '@atlaskit/tokens';
import type { ForecastOutlook, Steering } from '../../../../src/shared/contract';
import { IssueLink } from '../../components/IssueLink';
import { SlipAlertList } from '../../components/SlipAlertList';
import { TableHead, tableCell as cell } from '../../components/TableHead';

const W = 320;
const H = 120;
const PAD = 4;

export function percent(p: number | null): string {
  return p === null ? '—' : `${Math.round(p * 100)}%`;
}

function BurnUpFan({ outlook }: { outlook: ForecastOutlook }) {
  const points = outlook.burnUp;
  if (points.length === 0 || outlook.epicCount === 0) return <p>No epic can be forecast yet.</p>;
  const x = (i: number) => PAD + (points.length === 1 ? 0 : (i * (W - 2 * PAD)) / (points.length - 1));
  const y = (done: number) => H - PAD - (done * (H - 2 * PAD)) / outlook.epicCount;
  const line = (pick: (p: (typeof points)[number]) => number) =>
    points.map((p, i) => `${x(i).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(' ');
  // The fan: the band between the optimistic (P50) and the cautious (P95) line, P85 drawn inside it.
  const band = `${line((p) => p.p50)} ${points
    .map((p, i) => `${x(i).toFixed(1)},${y(p.p95).toFixed(1)}`)
    .reverse()
    .join(' ')}`;
  const first = points[0]?.date ?? '';
  const last = points[points.length - 1]?.date ?? '';
  return (
    <figure style={{ margin: 0 }} data-testid="burn-up-fan">
      <svg
        width={W}
        height={H}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Burn-up fan: ${outlook.epicCount} epics, from ${first} to ${last}`}
      >
        <polygon points={band} fill={token('color.background.accent.blue.subtlest')} />
        <polyline
          points={line((p) => p.p85)}
          fill="none"
          stroke={token('color.border.accent.blue')}
          strokeWidth={2}
        />
      </svg>
      <figcaption style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>
        Epics done by date: P50 to P95 band, P85 line; {first} to {last}
      </figcaption>
    </figure>
  );
}

export function ForecastSection({ data }: { data: Steering }) {
  const { forecast } = data;
  return (
    <div data-testid="forecast" style={{ display: 'grid', gap: token('space.100') }}>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <caption style={{ font: token('font.body.small'), ...cell, color: token('color.text.subtle') }}>
          Forecast of the top epics (
          {forecast.epics.length > 0 ? 'Monte Carlo, same numbers as the report' : 'none yet'})
        </caption>
        <TableHead columns={['Epic', 'P50', 'P85', 'Due', 'P(on time)']} />
        <tbody>
          {forecast.epics.map((e) => (
            <tr
              key={e.key}
              data-testid={`forecast-${e.key}`}
              style={{ borderTop: `1px solid ${token('color.border')}` }}
            >
              <td style={cell}>
                <IssueLink issueKey={e.key} />
              </td>
              {e.unforecastable === null ? (
                <>
                  <td style={cell}>{e.p50Date ?? 'beyond horizon'}</td>
                  <td style={cell}>{e.p85Date ?? 'beyond horizon'}</td>
                </>
              ) : (
                <td style={cell} colSpan={2}>
                  {e.unforecastable}
                </td>
              )}
              <td style={cell}>{e.dueDate ?? '—'}</td>
              <td style={cell}>{percent(e.pOnTime)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <BurnUpFan outlook={forecast} />
    </div>
  );
}

export function SlipAlerts({ alerts }: { alerts: Steering['alerts'] }) {
  return <SlipAlertList open={alerts.open} />;
}
