/** A failed refresh, its reason and the age of the data still shown: on every surface (issue 12). */
import type { SnapshotInfo } from '../../../src/shared/contract';
import { formatAge, formatDate } from '../format';
import { Notice } from './Notice';

/** `live`: the surface itself reads Jira live, so only the other views' data is older. */
export function RefreshFailure({ snapshot, live = false }: { snapshot: SnapshotInfo; live?: boolean }) {
  const failure = snapshot.lastFailure;
  if (!failure) return null;
  const age = formatAge(snapshot.ageSeconds);
  const shown =
    snapshot.state !== 'ready'
      ? 'There is no data from Jira yet.'
      : live
        ? `This page reads Jira live; the other MetaScrum views show data from Jira as of ${age}.`
        : `What you see is the data from Jira as of ${age}.`;
  return (
    <Notice appearance="error" title="The last refresh failed">
      <p data-testid="refresh-failure">
        {formatDate(failure.at)}: {failure.message}. {shown}
      </p>
    </Notice>
  );
}
