/**
 * Admin page: the site's programs, and for the chosen one the full program configuration with inline
 * errors, its saved versions (restore any) and a full snapshot rebuild with progress; the app's lifecycle.
 */
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useState } from 'react';
import type { AdminConfig, ProgramEntry } from '../../../../src/shared/contract';
import { ErrorState, LoadingState } from '../../components/States';
import { setCurrentProgram } from '../../program';
import { useResolver } from '../../useResolver';
import { ConfigForm } from './ConfigForm';
import { ConfigHistory } from './ConfigHistory';
import { InstallationFacts } from './InstallationFacts';
import { ProgramsSection } from './ProgramsSection';
import { ProvisioningSection } from './ProvisioningSection';
import { SnapshotRebuild } from './SnapshotRebuild';

function ProgramSettings({ onAllowed }: { onAllowed: () => void }) {
  const [admin, retry, replace] = useResolver('admin/getConfig', {});
  const [restores, setRestores] = useState(0);
  const loaded = admin.state === 'ready';
  useEffect(() => {
    if (loaded) onAllowed();
  }, [loaded, onAllowed]);
  if (admin.state === 'loading') return <LoadingState label="Loading MetaScrum settings" />;
  if (admin.state === 'error') return <ErrorState error={admin.error} onRetry={retry} />;
  const data = admin.data;
  return (
    <>
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
    </>
  );
}

export default function AdminView() {
  const [listed, retry] = useResolver('program/list', {});
  const [programs, setPrograms] = useState<ProgramEntry[]>();
  const [selected, setSelected] = useState<string>();
  // The program actions show once the config loaded: a non-administrator sees only "No permission".
  const [allowed, setAllowed] = useState(false);
  const allow = useCallback(() => setAllowed(true), []);
  if (listed.state === 'loading') return <LoadingState label="Loading MetaScrum settings" />;
  if (listed.state === 'error') return <ErrorState error={listed.error} onRetry={retry} />;
  const list = programs ?? listed.data.programs;
  const program = list.find((p) => p.id === selected) ?? list[0];
  // The config, versions and rebuild below are the chosen program's (every call names it).
  setCurrentProgram(program?.id);
  return (
    <div style={{ display: 'grid', gap: token('space.300'), maxWidth: 960 }}>
      <Heading size="large" as="h1">
        MetaScrum settings
      </Heading>
      {allowed || !program ? (
        <ProgramsSection
          programs={list}
          selected={program?.id ?? ''}
          onSelect={setSelected}
          onChanged={(next, select) => {
            setPrograms(next);
            if (select !== undefined) setSelected(select);
          }}
        />
      ) : null}
      {program ? (
        <div key={`${program.id}:${program.name}`} style={{ display: 'grid', gap: token('space.300') }}>
          <ProgramSettings onAllowed={allow} />
        </div>
      ) : (
        <p>No program yet: create one above.</p>
      )}
      <ProvisioningSection />
      <InstallationFacts />
    </div>
  );
}
