/**
 * "Flow rank to team backlogs": previews, per team, the fewest Jira rank moves that make each team's
 * backlog follow the MetaScrum order, then applies the chosen teams' moves as the user and shows what
 * Jira applied and what it refused (a 207 partial result).
 */
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import { Notice as SectionMessage } from '../../components/Notice';
import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import type { RankFlowResult } from '../../../../src/shared/contract';
import { call, type ResolverCallError } from '../../api';
import { IssueLink } from '../../components/IssueLink';
import { EmptyView, ErrorState, LoadingState } from '../../components/States';
import { announceOwnWrite } from '../../freshness';
import { toCallError, useResolver } from '../../useResolver';

/** `generation`: bumped by the panel when newer data arrived; the preview then reloads. */
export function RankFlowPanel({ generation = 0 }: { generation?: number }) {
  const [preview, retry, , reload] = useResolver('panel/previewRankFlow', {});
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<RankFlowResult | undefined>();
  const [failure, setFailure] = useState<ResolverCallError | undefined>();
  const [applying, setApplying] = useState(false);
  useEffect(() => {
    if (generation > 0) reload();
  }, [generation, reload]);
  if (preview.state === 'loading') return <LoadingState label="Working out the rank moves" />;
  if (preview.state === 'error') return <ErrorState error={preview.error} onRetry={retry} />;
  const { teams } = preview.data;
  const apply = () => {
    setApplying(true);
    setFailure(undefined);
    call('panel/applyRankFlow', { teams: [...chosen] }).then(
      (r) => {
        setApplying(false);
        setResult(r);
        setChosen(new Set());
        // The app refreshes what it ranked; the panel reloads (and this preview with it) when it lands.
        announceOwnWrite();
      },
      (cause: unknown) => {
        setApplying(false);
        setFailure(toCallError(cause));
      },
    );
  };
  const toggle = (team: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(team);
    else next.delete(team);
    setChosen(next);
  };
  if (teams.length === 0)
    return (
      <>
        {result && <RankFlowOutcome result={result} />}
        <EmptyView
          header="Team backlogs already follow the MetaScrum order"
          description="No rank move is needed."
        />
      </>
    );
  return (
    <div style={{ display: 'grid', gap: token('space.200'), paddingTop: token('space.150') }}>
      <p>
        Choose the teams whose Jira backlog should be re-ranked. Moves are made as you, so Jira’s permissions
        apply.
      </p>
      {teams.map((t) => (
        <section key={t.team} aria-label={`Rank moves for ${t.team}`} data-testid={`rank-team-${t.team}`}>
          <label style={{ display: 'flex', gap: token('space.100'), alignItems: 'center' }}>
            <input
              type="checkbox"
              checked={chosen.has(t.team)}
              onChange={(e) => toggle(t.team, e.currentTarget.checked)}
            />
            <Heading size="xsmall" as="h3">
              {t.team}: {t.moves} issue{t.moves === 1 ? '' : 's'} to move in {t.operations.length} step
              {t.operations.length === 1 ? '' : 's'}
            </Heading>
          </label>
          <ol style={{ marginTop: token('space.050') }}>
            {t.operations.map((op, i) => {
              const anchor = op.rankBeforeIssue ?? op.rankAfterIssue ?? '';
              return (
                <li key={i}>
                  Move{' '}
                  {op.issues.map((k, j) => (
                    <span key={k}>
                      {j > 0 && ', '}
                      <IssueLink issueKey={k} />
                    </span>
                  ))}{' '}
                  {op.rankBeforeIssue ? 'above' : 'below'} <IssueLink issueKey={anchor} />
                </li>
              );
            })}
          </ol>
        </section>
      ))}
      <div>
        <Button appearance="primary" isDisabled={chosen.size === 0 || applying} onClick={apply}>
          {applying ? 'Applying…' : `Apply to ${chosen.size} team${chosen.size === 1 ? '' : 's'}`}
        </Button>
      </div>
      {failure && <ErrorState error={failure} />}
      {result && <RankFlowOutcome result={result} />}
    </div>
  );
}

function RankFlowOutcome({ result }: { result: RankFlowResult }) {
  const failed = result.teams.flatMap((t) => t.failed);
  return (
    <SectionMessage
      appearance={failed.length === 0 ? 'success' : 'warning'}
      title={failed.length === 0 ? 'Rank applied' : 'Rank partly applied'}
    >
      <ul data-testid="rank-result">
        {result.teams.map((t) => (
          <li key={t.team}>
            {t.team}: {t.ranked.length} issue{t.ranked.length === 1 ? '' : 's'} re-ranked
            {t.failed.length > 0 && `, ${t.failed.length} refused by Jira`}
          </li>
        ))}
      </ul>
      {failed.length > 0 && (
        <ul>
          {failed.map((f) => (
            <li key={f.issue}>
              <IssueLink issueKey={f.issue} />: {f.message}
            </li>
          ))}
        </ul>
      )}
    </SectionMessage>
  );
}
