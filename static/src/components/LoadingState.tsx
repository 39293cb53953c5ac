import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';

/** Kept apart from the other states: the entry chunk needs only this one, and Spinner is small. */
export function LoadingState({ label }: { label: string }) {
  return (
    <div
      role="status"
      style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', padding: token('space.200') }}
    >
      <Spinner size="medium" label={label} />
      <span style={{ color: token('color.text.subtle') }}>{label}</span>
    </div>
  );
}
