/** The issue panel's forecast: when the item or epic completes, P(on time), and what drives the date. */
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { IssueForecast } from '../../../../src/shared/contract';
import { IssueLink } from '../../components/IssueLink';

const when = (sprint: number | null, date: string | null) =>
  sprint === null || date === null ? 'beyond the horizon' : `${date} (sprint ${sprint})`;

export function ForecastSection({ forecast }: { forecast: IssueForecast }) {
  return (
    <section aria-label="Forecast" data-testid="issue-forecast">
      <Heading size="xsmall" as="h3">
        Forecast
      </Heading>
      {forecast.unforecastable !== null ? (
        <p>Cannot be forecast: {forecast.unforecastable}</p>
      ) : (
        <>
          <p data-testid="forecast-dates">
            P50 {when(forecast.p50Sprint, forecast.p50Date)} · P85{' '}
            {when(forecast.p85Sprint, forecast.p85Date)} · P95 {when(forecast.p95Sprint, forecast.p95Date)}
          </p>
          {forecast.dueDate !== null && (
            <p data-testid="forecast-on-time">
              Due {forecast.dueDate}: {Math.round((forecast.pOnTime ?? 0) * 100)}% of the trials finish on
              time.
            </p>
          )}
          {forecast.drivenBy.length === 0 ? (
            <p style={{ color: token('color.text.subtle') }}>No prerequisite holds it back in most trials.</p>
          ) : (
            <p data-testid="forecast-driven-by">
              Driven by{' '}
              {forecast.drivenBy.map((link, i) => (
                <span key={link.key}>
                  {i > 0 && ' ← '}
                  <IssueLink issueKey={link.key} /> (P85 {link.p85Date ?? 'beyond the horizon'})
                </span>
              ))}
              {forecast.drivenByHidden && ' ← an issue you cannot see'}
            </p>
          )}
        </>
      )}
    </section>
  );
}
