/** One line per team: its epics and open/done backlog items as badges. */
import Badge from '@atlaskit/badge';
import { token } from '@atlaskit/tokens';
import Tooltip from '@atlaskit/tooltip';
import type { TeamSummary } from '../../../src/shared/contract';

function Count({
  label,
  value,
  appearance,
}: {
  label: string;
  value: number;
  appearance: 'default' | 'primary' | 'added';
}) {
  return (
    <Tooltip content={label}>
      <span
        tabIndex={0}
        aria-label={`${value} ${label}`}
        style={{ display: 'inline-flex', gap: token('space.050') }}
      >
        <span style={{ color: token('color.text.subtle') }}>{label}</span>
        <Badge appearance={appearance}>{value}</Badge>
      </span>
    </Tooltip>
  );
}

export function TeamSummaries({ teams }: { teams: TeamSummary[] }) {
  if (teams.length === 0) return null;
  return (
    <ul
      aria-label="Teams"
      style={{
        listStyle: 'none',
        padding: 0,
        margin: 0,
        display: 'flex',
        flexWrap: 'wrap',
        gap: token('space.200'),
      }}
    >
      {teams.map((team) => (
        <li
          key={team.projectKey}
          style={{
            border: `1px solid ${token('color.border')}`,
            borderRadius: token('radius.medium'),
            padding: token('space.100'),
            display: 'grid',
            gap: token('space.050'),
          }}
        >
          <strong>
            {team.projectName} ({team.projectKey})
          </strong>
          <span style={{ display: 'flex', gap: token('space.150') }}>
            <Count label="epics" value={team.epics} appearance="primary" />
            <Count label="open" value={team.openItems} appearance="default" />
            <Count label="done" value={team.doneItems} appearance="added" />
          </span>
        </li>
      ))}
    </ul>
  );
}
