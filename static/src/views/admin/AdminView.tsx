/**
 * Admin page: the full program configuration with inline errors, its saved versions (restore any),
 * a full snapshot rebuild with progress, and the app's lifecycle.
 */
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { AdminConfig } from '../../../../src/shared/contract';
import { ErrorState, LoadingState } from '../../components/States';
import { useResolver } from '../../useResolver';
import { ConfigForm } from './ConfigForm';
import { ConfigHistory } from './ConfigHistory';
import { InstallationFacts } from './InstallationFacts';
import { ProvisioningSection } from './ProvisioningSection';
import { SnapshotRebuild } from './SnapshotRebuild';

export default function AdminView() {
  const [admin, retry, replace] = useResolver('admin/getConfig', {});
  const [restores, setRestores] = useState(0);
  if (admin.state === 'loading') return <LoadingState label="Loading MetaScrum settings" />;
  if (admin.state === 'error') return <ErrorState error={admin.error} onRetry={retry} />;
  const data = admin.data;
  return (
    <div style={{ display: 'grid', gap: token('space.300'), maxWidth: 960 }}>
      <Heading size="large" as="h1">
        MetaScrum settings
      </Heading>
      {/* A restore starts a fresh form (its draft becomes the restored config); a save keeps it. */}
      <ConfigForm key={restores} admin={data} onSaved={replace} />
      <ConfigHistory
        admin={data}
        onRestored={(next: AdminConfig) => {
          replace(next);
          setRestores((n) => n + 1);
        }}
      />
      <SnapshotRebuild />
      <ProvisioningSection />
      <InstallationFacts />
    </div>
  );
}
