/**
 * Impediment provisioning on the admin page: what the last run did, what could not be provisioned
 * (team-managed projects, missing permissions, name clashes) with the manual steps, and a retry.
 */
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { ProvisioningStatus } from '../../../../src/shared/impediment-contract';
import { call, type ResolverCallError } from '../../api';
import { ErrorState, LoadingState } from '../../components/States';
import { toCallError, useResolver } from '../../useResolver';
import { ProvisioningProblems } from './provisioning/ProvisioningProblems';
import { ProvisioningSummary } from './provisioning/ProvisioningSummary';

export function ProvisioningSection() {
  const [loadable, reload, replace] = useResolver('impediment/getProvisioning', {});
  const [retrying, setRetrying] = useState(false);
  const [error, setError] = useState<ResolverCallError | undefined>(undefined);

  const retry = () => {
    setRetrying(true);
    setError(undefined);
    call('impediment/retryProvisioning', {}).then(
      (status: ProvisioningStatus) => {
        setRetrying(false);
        replace(status);
      },
      (cause: unknown) => {
        setRetrying(false);
        setError(toCallError(cause));
      },
    );
  };

  return (
    <section aria-labelledby="impediment-provisioning" style={{ display: 'grid', gap: token('space.150') }}>
      <Heading size="small" as="h2" id="impediment-provisioning">
        Impediment issue type and escalation field
      </Heading>
      {loadable.state === 'loading' ? <LoadingState label="Loading the provisioning status…" /> : null}
      {loadable.state === 'error' ? <ErrorState error={loadable.error} onRetry={reload} /> : null}
      {loadable.state === 'ready' ? (
        <>
          <ProvisioningSummary status={loadable.data} />
          <ProvisioningProblems problems={loadable.data.problems} />
        </>
      ) : null}
      <div>
        <Button
          appearance="primary"
          onClick={retry}
          isLoading={retrying}
          isDisabled={retrying || loadable.state === 'loading'}
        >
          {loadable.state === 'ready' && loadable.data.state === 'not-run'
            ? 'Provision now'
            : 'Retry provisioning'}
        </Button>
      </div>
      {error ? <ErrorState error={error} /> : null}
    </section>
  );
}
