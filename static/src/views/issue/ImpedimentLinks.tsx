/**
 * What an open impediment blocks, and which open impediments block this issue: the same links the
 * readiness rule "not blocked by an open impediment" reads, so the panel never says "0 open blockers"
 * beside "blocked by open impediment".
 */
import Heading from '@atlaskit/heading';
import type { IssueContext } from '../../../../src/shared/contract';
import { IssueLink } from '../../components/IssueLink';

function KeyList({ keys, testId }: { keys: readonly string[]; testId: string }) {
  return (
    <ul data-testid={testId}>
      {keys.map((k) => (
        <li key={k}>
          <IssueLink issueKey={k} />
        </li>
      ))}
    </ul>
  );
}

export function ImpedimentLinks({ links }: { links: IssueContext['impediments'] }) {
  return (
    <>
      {links.blocks.length > 0 && (
        <section aria-label="Blocked by this impediment">
          <Heading size="xsmall" as="h3">
            Blocks ({links.blocks.length})
          </Heading>
          <KeyList keys={links.blocks} testId="impediment-blocks" />
        </section>
      )}
      {links.blockedBy.length > 0 && (
        <section aria-label="Open impediments blocking this issue">
          <Heading size="xsmall" as="h3">
            Blocked by open impediments ({links.blockedBy.length})
          </Heading>
          <KeyList keys={links.blockedBy} testId="blocked-by-impediments" />
        </section>
      )}
    </>
  );
}
