/**
 * "Preview forecast" for a pending reorder (issue 13): runs the forecast under the proposed order on the
 * server (nothing is saved) and shows the epics whose P85 date or chance of being on time would move.
 * Loaded only when asked for, so the panel's first load does not carry it.
 */
import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import type { OrderPreview } from '../../../../src/shared/contract';
import { call, type ResolverCallError } from '../../api';
import { IssueLink } from '../../components/IssueLink';
import { ErrorState } from '../../components/States';
import { toCallError } from '../../useResolver';
import { proposalOrder, type Proposal } from './orderProposal';

type PreviewEpic = OrderPreview['epics'][number];

const percent = (p: number | null) => (p === null ? '–' : `${Math.round(p * 100)}%`);
const changed = (e: PreviewEpic) =>
  e.currentP85Date !== e.proposedP85Date || e.currentPOnTime !== e.proposedPOnTime;

export default function OrderForecastPreview({
  proposal,
  label,
  runAtOnce = false,
}: {
  proposal: Proposal;
  label: string;
  /** Run on mount: the user already asked for it (a move's own "Preview"). */
  runAtOnce?: boolean;
}) {
  const [state, setState] = useState<'idle' | 'running' | 'done'>('idle');
  const [preview, setPreview] = useState<OrderPreview | undefined>();
  const [failure, setFailure] = useState<ResolverCallError | undefined>();
  const run = () => {
    setState('running');
    setFailure(undefined);
    proposalOrder(proposal)
      .then((order) => call('panel/previewOrder', { order }))
      .then(
        (answer) => {
          setPreview(answer);
          setState('done');
        },
        (cause: unknown) => {
          setFailure(toCallError(cause));
          setState('idle');
        },
      );
  };
  // Once per mount: the parent keys this component by the proposal, so a new move mounts a new one.
  useEffect(() => (runAtOnce ? run() : undefined), []);
  const moved = preview?.epics.filter(changed) ?? [];
  return (
    <div data-testid="forecast-preview" style={{ display: 'grid', gap: token('space.100') }}>
      <div>
        <Button onClick={run} isDisabled={state === 'running'} aria-label={`Preview forecast: ${label}`}>
          {state === 'running' ? 'Forecasting…' : 'Preview forecast'}
        </Button>
      </div>
      {failure && <ErrorState error={failure} />}
      {preview && moved.length === 0 && (
        <p data-testid="forecast-preview-none">
          No epic&apos;s P85 date or chance of being on time would change.
        </p>
      )}
      {preview && moved.length > 0 && (
        <table data-testid="forecast-preview-table" style={{ borderCollapse: 'collapse' }}>
          <caption style={{ textAlign: 'left', font: token('font.body.small') }}>
            {label}: epics whose forecast would move ({preview.trials} trials, seed {preview.seed}; not saved)
          </caption>
          <thead>
            <tr>
              {['Epic', 'Rank', 'P85 now', 'P85 after', 'On time now', 'On time after'].map((h) => (
                <th key={h} style={{ textAlign: 'left', paddingRight: token('space.150') }}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {moved.map((e) => (
              <tr key={e.key} data-testid={`forecast-preview-${e.key}`}>
                <td>
                  <IssueLink issueKey={e.key} /> {e.summary}
                </td>
                <td>
                  {e.currentRank} → {e.proposedRank}
                </td>
                <td>{e.currentP85Date ?? 'beyond horizon'}</td>
                <td>{e.proposedP85Date ?? 'beyond horizon'}</td>
                <td>{percent(e.currentPOnTime)}</td>
                <td>{percent(e.proposedPOnTime)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
