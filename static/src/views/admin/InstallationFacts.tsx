/** When the app was installed and upgraded, and what the last sync saw. */
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { formatDate } from '../../format';
import { useResolver } from '../../useResolver';

export function InstallationFacts() {
  const [settings] = useResolver('admin/getSettings', {});
  if (settings.state !== 'ready') return null;
  const { lifecycle, lastSync } = settings.data;
  return (
    <section aria-label="App lifecycle" style={{ color: token('color.text.subtle') }}>
      <Heading size="xsmall" as="h2">
        About this installation
      </Heading>
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: token('space.050') }}>
        <dt>Installed</dt>
        <dd data-testid="installed-at">{formatDate(lifecycle.installedAt)}</dd>
        <dt>Last upgrade</dt>
        <dd>{formatDate(lifecycle.lastUpgradeAt)}</dd>
        <dt>Last sync</dt>
        <dd>
          {lastSync
            ? `${formatDate(lastSync.at)} (${lastSync.reason}): ${lastSync.projectCount} projects, ${lastSync.epicCount} epics, ${lastSync.issueCount} issues`
            : 'not yet'}
        </dd>
      </dl>
    </section>
  );
}
