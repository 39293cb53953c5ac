/**
 * The open slip alerts (docs/DOMAIN.md "Slip alerts"), as the gadget and the panel show them: the server
 * has already kept only those about issues the viewer may see.
 */
import Lozenge from '@atlaskit/lozenge';
import type { SlipAlertView } from '../../../src/shared/contract';
import { IssueLink } from './IssueLink';

export function SlipAlertList({ open }: { open: readonly SlipAlertView[] }) {
  return (
    <div data-testid="slip-alerts">
      <strong>Slip alerts ({open.length})</strong>
      {open.length === 0 ? (
        <p>Nothing has slipped since the last analysis.</p>
      ) : (
        <ul>
          {open.map((a) => (
            <li key={a.id}>
              <Lozenge appearance="moved">{a.kind === 'dependency' ? 'dependency' : 'due date'}</Lozenge>{' '}
              <IssueLink issueKey={a.key} /> {a.detail} (since {a.raisedAt.slice(0, 10)})
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
