/** Saved versions of the program config, newest first, each restorable (as a new version). */
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { AdminConfig } from '../../../../src/shared/contract';
import { call, type ResolverCallError } from '../../api';
import { ErrorState } from '../../components/States';
import { formatDate } from '../../format';
import { toCallError } from '../../useResolver';
import { TableHead, tableCell as cell } from '../../components/TableHead';

export function ConfigHistory({
  admin,
  onRestored,
}: {
  admin: AdminConfig;
  onRestored: (next: AdminConfig) => void;
}) {
  const [failure, setFailure] = useState<ResolverCallError | undefined>();
  const [busy, setBusy] = useState<number | undefined>();
  // A restore that would remove levels holding open impediments is refused until the admin confirms.
  const [needsConfirm, setNeedsConfirm] = useState<number | undefined>();
  const restore = (version: number, confirmLevelRemoval = false) => {
    setBusy(version);
    setNeedsConfirm(undefined);
    const baseVersion = admin.version?.version ?? 0;
    call('admin/restoreConfigVersion', { version, baseVersion, confirmLevelRemoval }).then(
      (next) => {
        setBusy(undefined);
        setFailure(undefined);
        onRestored(next);
      },
      (cause: unknown) => {
        setBusy(undefined);
        const error = toCallError(cause);
        setFailure(error);
        const levels = [error.field, ...error.problems.map((p) => p.field)];
        if (levels.includes('config.impediments.levels')) setNeedsConfirm(version);
      },
    );
  };
  return (
    <section aria-label="Saved versions">
      <Heading size="small" as="h2">
        Saved versions
      </Heading>
      {failure && <ErrorState error={failure} />}
      {needsConfirm !== undefined && (
        <Button
          appearance="warning"
          testId="confirm-restore"
          isDisabled={busy !== undefined}
          onClick={() => restore(needsConfirm, true)}
        >
          Restore version {needsConfirm} and move those impediments
        </Button>
      )}
      {admin.history.length === 0 ? (
        <p>Nothing saved yet: the defaults apply.</p>
      ) : (
        <table data-testid="config-history" style={{ borderCollapse: 'collapse' }}>
          <TableHead
            columns={[
              'Version',
              'Saved',
              'By',
              'What',
              <span style={{ position: 'absolute', left: -9999 }}>Actions</span>,
            ]}
          />
          <tbody>
            {admin.history.map((v) => (
              <tr key={v.version} style={{ borderTop: `1px solid ${token('color.border')}` }}>
                <td style={cell}>
                  {v.version === admin.version?.version ? `${v.version} (current)` : v.version}
                </td>
                <td style={cell}>{formatDate(v.savedAt)}</td>
                <td style={cell}>{v.savedBy?.displayName ?? 'the app'}</td>
                <td style={cell}>
                  {v.note}
                  {v.changes.length > 0 && (
                    <ul
                      data-testid={`changes-${v.version}`}
                      style={{ margin: 0, paddingLeft: token('space.200') }}
                    >
                      {v.changes.map((c) => (
                        <li key={c}>{c}</li>
                      ))}
                    </ul>
                  )}
                </td>
                <td style={cell}>
                  {v.version !== admin.version?.version && v.version > 0 && (
                    <Button
                      appearance="subtle"
                      isDisabled={busy !== undefined}
                      onClick={() => restore(v.version)}
                    >
                      {busy === v.version ? 'Restoring…' : `Restore version ${v.version}`}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
