/** The gadget's "where are we going", "what is stopping us" and cadence sections. */
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { Steering } from '../../../../src/shared/contract';
import { CyclePath } from '../../components/CyclePath';
import { IssueLink } from '../../components/IssueLink';
import { formatNumber } from '../../format';
import { MatrixHeatMap } from './MatrixHeatMap';
import { ForecastSection, SlipAlerts } from './ForecastOutlook';
import { TableHead, tableCell as cell } from '../../components/TableHead';

export function GoingSection({ data }: { data: Steering }) {
  return (
    <section aria-label="Where are we going">
      <Heading size="small" as="h2">
        Where are we going?
      </Heading>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <caption style={{ font: token('font.body.small'), ...cell, color: token('color.text.subtle') }}>
          Top-ranked epics and their readiness
        </caption>
        <TableHead columns={['Rank', 'Epic', 'Team', 'Ready']} />
        <tbody>
          {data.topEpics.map((e) => (
            <tr key={e.key} style={{ borderTop: `1px solid ${token('color.border')}` }}>
              <td style={cell}>{e.rank}</td>
              <td style={cell}>
                <IssueLink issueKey={e.key} /> {e.summary}
              </td>
              <td style={cell}>{e.team}</td>
              <td style={cell}>{e.readiness === null ? '—' : `${e.readiness}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ForecastSection data={data} />
      <SlipAlerts alerts={data.alerts} />
    </section>
  );
}

export function StoppingSection({ data }: { data: Steering }) {
  const { impediments, cycles } = data;
  return (
    <section aria-label="What is stopping us" style={{ display: 'grid', gap: token('space.150') }}>
      <Heading size="small" as="h2">
        What is stopping us?
      </Heading>
      <MatrixHeatMap matrix={data.matrix} />
      <div data-testid="cycles">
        <Heading size="xsmall" as="h3">
          Dependency cycles ({cycles.length})
        </Heading>
        {cycles.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {cycles.map((c) => (
              <li key={c.path.join()}>
                <Lozenge appearance="removed" isBold>
                  cycle
                </Lozenge>{' '}
                <CyclePath path={c.path} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <div data-testid="impediment-ladder">
        <Heading size="xsmall" as="h3">
          Impediments per escalation level
        </Heading>
        <table style={{ borderCollapse: 'collapse' }}>
          <TableHead columns={['Level', 'Open', 'Oldest (days at level)', 'SLA breaches']} />
          <tbody>
            {impediments.perLevel.map((l) => (
              <tr key={l.level} style={{ borderTop: `1px solid ${token('color.border')}` }}>
                <th scope="row" style={cell}>
                  {l.level}
                </th>
                <td style={cell}>{l.open}</td>
                <td style={cell}>
                  {formatNumber(l.oldestDays)}
                  {l.slaDays !== null && ` (SLA ${l.slaDays} d)`}
                </td>
                <td style={cell}>
                  {l.breached > 0 ? <Lozenge appearance="removed">{l.breached}</Lozenge> : 0}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {impediments.breaches.length > 0 && (
          <ul>
            {impediments.breaches.map((b) => (
              <li key={b.key}>
                <IssueLink issueKey={b.key} /> {b.summary}: {formatNumber(b.daysAtLevel)} days at {b.level}
                {b.slaDays !== null && ` (SLA ${b.slaDays} d)`}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

export function CadenceSection({ data }: { data: Steering }) {
  return (
    <section aria-label="MetaScrum cadence">
      <Heading size="small" as="h2">
        MetaScrum cadence: <span data-testid="cadence-advice">{data.cadence.advice}</span>
      </Heading>
      <ul>
        {data.cadence.factors.map((f) => (
          <li key={f.name}>
            <strong>{f.name}</strong> ({['low', 'medium', 'high'][f.level] ?? f.level}): {f.detail}
          </li>
        ))}
      </ul>
      <p style={{ color: token('color.text.subtle') }}>Rule: {data.cadence.rule}.</p>
    </section>
  );
}
