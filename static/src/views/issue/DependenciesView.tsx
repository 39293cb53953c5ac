/** Issue context panel: what this issue needs and what needs it, across teams. */
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { Dependency, IssueDependencies } from '../../../../src/shared/contract';
import { IssueLink } from '../../components/IssueLink';
import { EmptyView, ErrorState, LoadingState } from '../../components/States';
import { StatusLozenge } from '../../components/StatusLozenge';
import { useResolver } from '../../useResolver';

const GROUPS = [
  { direction: 'needs', title: 'Needs', hint: 'Work that must finish before this issue can.' },
  { direction: 'needed-by', title: 'Needed by', hint: 'Work waiting for this issue.' },
] as const;

export default function DependenciesView({ issueKey }: { issueKey: string }) {
  const [deps, retry] = useResolver('issue/getDependencies', { issueKey });
  if (deps.state === 'loading') return <LoadingState label={`Loading dependencies of ${issueKey}`} />;
  if (deps.state === 'error') return <ErrorState error={deps.error} onRetry={retry} />;
  return <DependencyGroups result={deps.data} />;
}

function DependencyGroups({ result }: { result: IssueDependencies }) {
  const others =
    result.otherLinkCount > 0
      ? `${result.otherLinkCount} other link${result.otherLinkCount === 1 ? '' : 's'} (relates, duplicates...) not counted as dependencies.`
      : '';
  if (result.dependencies.length === 0) {
    return (
      <EmptyView
        header="No dependencies"
        description={`${result.issue.key} (${result.issue.summary}) neither blocks nor is blocked by other work. ${others}`}
      />
    );
  }
  return (
    <div style={{ display: 'grid', gap: token('space.200') }}>
      {GROUPS.map((group) => {
        const items = result.dependencies.filter((dep) => dep.direction === group.direction);
        if (items.length === 0) return null;
        return (
          <section key={group.direction} aria-label={group.title} data-testid={`deps-${group.direction}`}>
            <Heading size="small" as="h2">
              {group.title} ({items.length})
            </Heading>
            <p style={{ color: token('color.text.subtle'), margin: `${token('space.050')} 0` }}>
              {group.hint}
            </p>
            <ul
              style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: token('space.075') }}
            >
              {items.map((dep) => (
                <DependencyItem key={`${dep.linkType}-${dep.issue.key}`} dep={dep} />
              ))}
            </ul>
          </section>
        );
      })}
      {others && <p style={{ color: token('color.text.subtlest') }}>{others}</p>}
    </div>
  );
}

function DependencyItem({ dep }: { dep: Dependency }) {
  return (
    <li style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100') }}>
      <span style={{ color: token('color.text.subtle') }}>{dep.phrase}</span>
      <IssueLink issueKey={dep.issue.key} />
      <span>{dep.issue.summary}</span>
      <StatusLozenge issue={dep.issue} />
      {dep.crossTeam && (
        <Lozenge appearance="moved" isBold>
          cross-team
        </Lozenge>
      )}
    </li>
  );
}
