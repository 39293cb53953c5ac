/**
 * A dependency cycle as the closed path in dependency order, with the one wording of
 * src/shared/cycle-wording.ts: prerequisite → dependant, as the map's arrows point.
 */
import { CYCLE_ARROW, CYCLE_READING, HIDDEN_ISSUE } from '../../../src/shared/cycle-wording';
import { IssueLink } from './IssueLink';

export function CyclePath({ path }: { path: readonly (string | null)[] }) {
  return (
    <span data-testid="cycle-path">
      {path.map((key, i) => (
        <span key={i}>
          {i > 0 && CYCLE_ARROW}
          {key === null ? HIDDEN_ISSUE : <IssueLink issueKey={key} />}
        </span>
      ))}{' '}
      ({CYCLE_READING})
    </span>
  );
}
