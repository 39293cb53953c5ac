import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import type { IssueRef } from '../../../src/shared/contract';

/** Jira's own colours: to do grey, in progress blue, done green. */
const APPEARANCE: Record<IssueRef['statusCategory'], ThemeAppearance> = {
  new: 'default',
  indeterminate: 'inprogress',
  done: 'success',
};

export function StatusLozenge({ issue }: { issue: Pick<IssueRef, 'statusName' | 'statusCategory'> }) {
  return <Lozenge appearance={APPEARANCE[issue.statusCategory]}>{issue.statusName}</Lozenge>;
}
