/**
 * For a surface that reads Jira live but sits beside views that show the snapshot (the impediment
 * backlogs): a failed refresh is still shown, with its reason and the age of the snapshot data.
 */
import { useResolver } from '../useResolver';
import { RefreshFailure } from './RefreshFailure';

export function SnapshotFailureNotice() {
  const [status] = useResolver('snapshot/getStatus', {});
  return status.state === 'ready' ? <RefreshFailure snapshot={status.data.snapshot} live /> : null;
}
