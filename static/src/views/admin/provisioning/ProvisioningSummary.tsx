/** The last provisioning run: its state, the issue type and field in use, and what it changed. */
import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { ProvisioningStatus } from '../../../../../src/shared/impediment-contract';
import { formatDate } from '../../../format';

const STATE: Record<ProvisioningStatus['state'], { appearance: ThemeAppearance; text: string }> = {
  'not-run': { appearance: 'default', text: 'Not run yet' },
  running: { appearance: 'inprogress', text: 'Running' },
  'waiting-for-permission': { appearance: 'moved', text: 'Waiting for permissions (retrying)' },
  done: { appearance: 'success', text: 'Provisioned' },
  partial: { appearance: 'moved', text: 'Partly provisioned' },
  failed: { appearance: 'removed', text: 'Failed' },
};

export function ProvisioningSummary({ status }: { status: ProvisioningStatus }) {
  const state = STATE[status.state];
  return (
    <div style={{ display: 'grid', gap: token('space.100') }}>
      <p style={{ margin: 0 }}>
        <Lozenge appearance={state.appearance}>{state.text}</Lozenge>
        {status.finishedAt ? (
          <span style={{ color: token('color.text.subtle') }}>
            {' '}
            last run <time dateTime={status.finishedAt}>{formatDate(status.finishedAt)}</time>, attempt{' '}
            {status.attempts}
          </span>
        ) : null}
      </p>
      <dl
        style={{
          display: 'grid',
          gridTemplateColumns: 'max-content 1fr',
          gap: token('space.050'),
          margin: 0,
        }}
      >
        <dt style={{ color: token('color.text.subtle') }}>Issue type</dt>
        <dd style={{ margin: 0 }}>
          {status.issueType ? `${status.issueType.name} (id ${status.issueType.id})` : 'Not available'}
        </dd>
        <dt style={{ color: token('color.text.subtle') }}>Level field</dt>
        <dd style={{ margin: 0 }}>
          {status.field ? `${status.field.name} (${status.field.id})` : 'Not available'}
        </dd>
      </dl>
      {status.changes.length > 0 ? (
        <ul style={{ margin: 0 }} aria-label="Changes made by the last run">
          {status.changes.map((change) => (
            <li key={change}>{change}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
