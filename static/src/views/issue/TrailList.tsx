/** One direction of an issue's dependency trail: each issue with depth, team, status and edge status. */
import Heading from '@atlaskit/heading';
import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { DependencyStatus, TrailEntry } from '../../../../src/shared/contract';
import { IssueLink } from '../../components/IssueLink';
import { StatusLozenge } from '../../components/StatusLozenge';

export const EDGE: Record<DependencyStatus, { appearance: ThemeAppearance; label: string }> = {
  conflict: { appearance: 'removed', label: 'conflict' },
  'at-risk': { appearance: 'moved', label: 'at risk' },
  healthy: { appearance: 'success', label: 'healthy' },
  unplanned: { appearance: 'default', label: 'unplanned' },
};

export function TrailList({
  title,
  hint,
  entries,
  testId,
}: {
  title: string;
  hint: string;
  entries: TrailEntry[];
  testId: string;
}) {
  return (
    <section aria-label={title} data-testid={testId}>
      <Heading size="xsmall" as="h3">
        {title} ({entries.length})
      </Heading>
      <p style={{ color: token('color.text.subtle'), margin: `${token('space.050')} 0` }}>
        {entries.length === 0 ? 'None.' : hint}
      </p>
      <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: token('space.075') }}>
        {entries.map((e) => (
          <li
            key={e.key}
            data-testid={`trail-${e.key}`}
            style={{
              display: 'flex',
              flexWrap: 'wrap',
              gap: token('space.075'),
              alignItems: 'center',
              paddingLeft: `calc(${token('space.150')} * ${e.depth - 1})`,
            }}
          >
            <span aria-label={`depth ${e.depth}`} style={{ color: token('color.text.subtlest') }}>
              {e.depth > 1 ? `↳ ${e.depth}` : '1'}
            </span>
            <IssueLink issueKey={e.key} />
            <span>{e.summary}</span>
            <span style={{ color: token('color.text.subtle') }}>{e.team ?? 'no team'}</span>
            <StatusLozenge issue={e} />
            <Lozenge appearance={EDGE[e.status].appearance}>{EDGE[e.status].label}</Lozenge>
            {e.inCycle && (
              <Lozenge appearance="removed" isBold>
                cycle
              </Lozenge>
            )}
            {e.critical && <Lozenge appearance="inprogress">critical path</Lozenge>}
          </li>
        ))}
      </ul>
    </section>
  );
}
