/**
 * An epic's children's dependencies as the MetaScrum panel counts them (needs, needed by, conflicts,
 * cycles), each with the child that carries it, and why the epic's readiness is what it is.
 */
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { EpicRollup } from '../../../../src/shared/contract';
import { CyclePath } from '../../components/CyclePath';
import { IssueLink } from '../../components/IssueLink';
import { plural } from '../../format';
import { EDGE } from './TrailList';

type Link = EpicRollup['needs'][number];

function LinkList({
  title,
  links,
  verb,
  testId,
}: {
  title: string;
  links: Link[];
  verb: string;
  testId: string;
}) {
  return (
    <section aria-label={title} data-testid={testId}>
      <Heading size="xsmall" as="h3">
        {title} ({links.length})
      </Heading>
      {links.length > 0 && (
        <ul>
          {links.map((l) => (
            <li key={`${l.child} ${l.other}`}>
              <IssueLink issueKey={l.child} /> {verb} <IssueLink issueKey={l.other} />{' '}
              <Lozenge appearance={EDGE[l.status].appearance}>{EDGE[l.status].label}</Lozenge>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function EpicRollupSection({ rollup }: { rollup: EpicRollup }) {
  return (
    <section
      aria-label="The epic's children"
      data-testid="epic-rollup"
      style={{ display: 'grid', gap: token('space.100') }}
    >
      <p data-testid="epic-readiness">{rollup.readiness}</p>
      <LinkList title="Children need (cross-team)" links={rollup.needs} verb="needs" testId="epic-needs" />
      <LinkList
        title="Children needed by (cross-team)"
        links={rollup.neededBy}
        verb="is needed by"
        testId="epic-needed-by"
      />
      <LinkList title="Conflicts" links={rollup.conflicts} verb="conflicts with" testId="epic-conflicts" />
      {rollup.cycles.map((path) => (
        <p key={path.join()} data-testid="epic-cycle">
          In a dependency cycle: <CyclePath path={path} />
        </p>
      ))}
      {rollup.hiddenLinks > 0 && (
        <p style={{ color: token('color.text.subtle') }}>
          and {plural(rollup.hiddenLinks, 'dependency', 'dependencies')} you cannot see
        </p>
      )}
    </section>
  );
}
