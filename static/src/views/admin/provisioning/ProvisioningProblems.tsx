/** What provisioning could not do, each with the steps an administrator can take by hand. */
import { token } from '@atlaskit/tokens';
import { Notice } from '../../../components/Notice';
import type { ProvisioningProblem } from '../../../../../src/shared/impediment-contract';

export function ProvisioningProblems({ problems }: { problems: readonly ProvisioningProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div style={{ display: 'grid', gap: token('space.100') }}>
      {problems.map((problem) => (
        <Notice
          key={`${problem.scope}:${problem.reason}`}
          appearance="warning"
          title={`Needs a manual step: ${problem.scope}`}
        >
          <p>{problem.reason}</p>
          <ol style={{ margin: 0 }}>
            {problem.manualSteps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </Notice>
      ))}
    </div>
  );
}
