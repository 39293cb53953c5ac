/** An impediment's SLA status at its level, in the colours the issue panel uses for the same thing. */
import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import type { SlaStatusName } from '../../../../src/shared/impediment-contract';

const LOOK: Record<SlaStatusName, { appearance: ThemeAppearance; label: string }> = {
  ok: { appearance: 'success', label: 'Within SLA' },
  'at-risk': { appearance: 'moved', label: 'At risk' },
  breached: { appearance: 'removed', label: 'SLA breached' },
  none: { appearance: 'default', label: 'No SLA' },
};

export function SlaLozenge({ status }: { status: SlaStatusName }) {
  const look = LOOK[status];
  return <Lozenge appearance={look.appearance}>{look.label}</Lozenge>;
}
