/** Admin page: which projects form the program, and its name. */
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { AdminSettings } from '../../../../src/shared/contract';
import { ErrorState, LoadingState } from '../../components/States';
import { useResolver } from '../../useResolver';
import { ProgramSettingsForm } from './ProgramSettingsForm';

function formatDate(iso: string | null): string {
  if (!iso) return 'not recorded';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

export default function AdminView() {
  const [settings, retry, replace] = useResolver('admin/getSettings', {});
  if (settings.state === 'loading') return <LoadingState label="Loading MetaScrum settings" />;
  if (settings.state === 'error') return <ErrorState error={settings.error} onRetry={retry} />;
  return <AdminPage settings={settings.data} onSaved={replace} />;
}

function AdminPage({
  settings,
  onSaved,
}: {
  settings: AdminSettings;
  onSaved: (next: AdminSettings) => void;
}) {
  return (
    <div style={{ display: 'grid', gap: token('space.300'), maxWidth: 640 }}>
      <Heading size="large" as="h1">
        MetaScrum settings
      </Heading>
      <ProgramSettingsForm settings={settings} onSaved={onSaved} />
      <section aria-label="App lifecycle" style={{ color: token('color.text.subtle') }}>
        <Heading size="xsmall" as="h2">
          About this installation
        </Heading>
        <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: token('space.050') }}>
          <dt>Installed</dt>
          <dd data-testid="installed-at">{formatDate(settings.lifecycle.installedAt)}</dd>
          <dt>Last upgrade</dt>
          <dd>{formatDate(settings.lifecycle.lastUpgradeAt)}</dd>
          <dt>Last sync</dt>
          <dd>
            {settings.lastSync
              ? `${formatDate(settings.lastSync.at)} (${settings.lastSync.reason}): ${settings.lastSync.projectCount} projects, ${settings.lastSync.epicCount} epics, ${settings.lastSync.issueCount} issues`
              : 'not yet'}
          </dd>
        </dl>
      </section>
    </div>
  );
}
