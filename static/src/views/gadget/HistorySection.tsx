/**
 * The gadget's trends (issue 14, item 5): where are we now against 2, 4 and 8 weeks ago, per team and
 * for the program, from the daily summaries (gadget/getHistory). Its own component and resolver call, so
 * the rest of the gadget renders without waiting for it.
 */
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { GadgetConfig, History, TeamPoint } from '../../../../src/shared/contract';
import { IssueLink } from '../../components/IssueLink';
import { Notice } from '../../components/Notice';
import { ErrorState, LoadingState } from '../../components/States';
import { TableHead, tableCell as cell } from '../../components/TableHead';
import { formatNumber } from '../../format';
import { useResolver } from '../../useResolver';
import { TrendCell } from './TrendCell';

const number = (v: number | null) => formatNumber(v, 2);
const share = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);
const count = (v: number | null) => formatNumber(v, 0);
const sum = (xs: readonly number[]) => xs.reduce((n, x) => n + x, 0);

const TEAM_COLUMNS: Array<{ title: string; of: (p: TeamPoint) => number | null; format: typeof number }> = [
  { title: 'Horizon (sprints)', of: (p) => p.horizonSprints, format: number },
  { title: 'Ready share', of: (p) => p.readyShare, format: share },
  { title: 'Velocity', of: (p) => p.velocity, format: number },
  { title: 'Conflicts suffered', of: (p) => p.conflictsSuffered, format: count },
  { title: 'Conflicts caused', of: (p) => p.conflictsCaused, format: count },
  { title: 'Open impediments', of: (p) => sum(p.impediments), format: count },
];

export function HistorySection({ config }: { config: GadgetConfig }) {
  const [history, retry] = useResolver('gadget/getHistory', { config });
  if (history.state === 'loading') return <LoadingState label="Loading the trends" />;
  if (history.state === 'error') return <ErrorState error={history.error} onRetry={retry} />;
  return <Trends data={history.data} />;
}

function Trends({ data }: { data: History }) {
  const past = data.points.filter((p) => p.weeksAgo > 0 && p.day !== null).length;
  return (
    <div data-testid="trends" style={{ display: 'grid', gap: token('space.100') }}>
      <Heading size="xsmall" as="h3">
        Now against 2, 4 and 8 weeks ago
      </Heading>
      {data.demo && (
        <Notice title="Demo history">
          The local preview made these past weeks by replaying the demo program as it was at earlier dates (by
          its own creation, resolution and sprint dates); a real site shows the summaries the app kept each
          day.
        </Notice>
      )}
      {past === 0 && (
        <p data-testid="history-empty">
          History starts with today: the app keeps one summary a day, so trends appear from tomorrow.
        </p>
      )}
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <caption style={{ font: token('font.body.small'), ...cell, color: token('color.text.subtle') }}>
          Each line: the last 8 weeks, one point a week, now on the right
        </caption>
        <TableHead columns={['Team', ...TEAM_COLUMNS.map((c) => c.title)]} />
        <tbody>
          {data.teams.map((t) => (
            <tr
              key={t.team}
              data-testid={`trend-${t.team}`}
              style={{ borderTop: `1px solid ${token('color.border')}` }}
            >
              <th scope="row" style={cell}>
                {t.team}
              </th>
              {TEAM_COLUMNS.map((c) => (
                <td key={c.title} style={cell}>
                  <TrendCell
                    name={`${t.team} ${c.title.toLowerCase()}`}
                    values={t.series.map((p) => (p ? c.of(p) : null))}
                    format={c.format}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {data.program && <ProgramTrends data={data} series={data.program.series} />}
      {data.topEpics.length > 0 && <EpicForecastTrends epics={data.topEpics} />}
    </div>
  );
}

function ProgramTrends({
  data,
  series,
}: {
  data: History;
  series: NonNullable<History['program']>['series'];
}) {
  const rows = [
    { title: 'Dependency cycles', values: series.map((p) => p?.cycles ?? null) },
    { title: 'Critical path (items)', values: series.map((p) => p?.criticalPathLength ?? null) },
    ...data.levels.map((level, i) => ({
      title: `Open impediments: ${level}`,
      values: series.map((p) => (p ? (p.impediments[i] ?? 0) : null)),
    })),
  ];
  return (
    <table data-testid="program-trends" style={{ borderCollapse: 'collapse' }}>
      <TableHead columns={['Program', 'Trend']} />
      <tbody>
        {rows.map((r) => (
          <tr key={r.title} style={{ borderTop: `1px solid ${token('color.border')}` }}>
            <th scope="row" style={cell}>
              {r.title}
            </th>
            <td style={cell}>
              <TrendCell name={r.title} values={r.values} format={count} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EpicForecastTrends({ epics }: { epics: History['topEpics'] }) {
  const date = (p: History['topEpics'][number]['series'][number] | undefined) => p?.p85Date ?? '—';
  return (
    <table data-testid="epic-forecast-trends" style={{ borderCollapse: 'collapse' }}>
      <caption style={{ font: token('font.body.small'), ...cell, color: token('color.text.subtle') }}>
        The top epics’ P85 forecast date now and before
      </caption>
      <TableHead columns={['Epic', 'P85 now', '2 weeks ago', '4 weeks ago', '8 weeks ago']} />
      <tbody>
        {epics.map((e) => (
          <tr key={e.key} style={{ borderTop: `1px solid ${token('color.border')}` }}>
            <td style={cell}>
              <IssueLink issueKey={e.key} />
            </td>
            {[0, 2, 4, 8].map((w) => (
              <td key={w} style={cell}>
                {date(e.series[w])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
