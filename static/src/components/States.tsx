/** The shared error and empty states (loading is in LoadingState), so every view says the same thing the same way. */
import EmptyState from '@atlaskit/empty-state';
import { Notice as SectionMessage, NoticeAction as SectionMessageAction } from './Notice';
import type { ReactNode } from 'react';
import type { ResolverCallError } from '../api';

export { LoadingState } from './LoadingState';

const ADVICE: Record<ResolverCallError['code'], { title: string; advice: string }> = {
  FORBIDDEN: {
    title: 'No permission',
    advice: 'Ask a Jira admin for access, or switch to an account that has it.',
  },
  NOT_FOUND: {
    title: 'Not found',
    advice: 'It may have been moved or deleted, or you may not be allowed to see it.',
  },
  NOT_IN_PROGRAM: {
    title: 'Not in this program',
    advice:
      "Its project is not one of the program's team projects; a Jira admin can add it in the app's settings.",
  },
  BAD_PAYLOAD: { title: 'Invalid input', advice: 'Correct the highlighted value and try again.' },
  CONFLICT: {
    title: 'Changed by someone else meanwhile',
    advice: 'Nothing was saved. The latest version is shown now; make your change again on it.',
  },
  JIRA_RATE_LIMITED: {
    title: 'Jira is busy',
    advice: 'Jira asked us to slow down. Wait a minute, then try again.',
  },
  JIRA_UNAVAILABLE: { title: 'Jira is unavailable', advice: 'Jira did not answer. Try again in a moment.' },
  JIRA_BAD_REPLY: {
    title: 'Unexpected answer from Jira',
    advice: 'Try again; if it keeps happening, tell your Jira admin.',
  },
  TIMED_OUT: {
    title: 'Ran out of time',
    advice:
      'Jira or the app storage was too slow to answer within the time Forge allows. Try again in a minute.',
  },
  INTERNAL: {
    title: 'Something went wrong',
    advice: 'Try again; if it keeps happening, tell your Jira admin.',
  },
  BAD_ENVELOPE: {
    title: 'Something went wrong',
    advice: 'Reload the page; if it keeps happening, tell your Jira admin.',
  },
  BRIDGE_FAILED: { title: 'Could not reach the app', advice: 'Check your connection and try again.' },
};

export function ErrorState({ error, onRetry }: { error: ResolverCallError; onRetry?: () => void }) {
  const { title, advice } = ADVICE[error.code];
  return (
    <SectionMessage
      appearance={error.code === 'FORBIDDEN' ? 'warning' : 'error'}
      title={title}
      actions={onRetry ? <SectionMessageAction onClick={onRetry}>Try again</SectionMessageAction> : undefined}
    >
      <p data-testid="error-message">{error.message}</p>
      <p>{advice}</p>
    </SectionMessage>
  );
}

export function EmptyView({
  header,
  description,
  action,
}: {
  header: string;
  description: ReactNode;
  action?: ReactNode;
}) {
  return <EmptyState header={header} headingLevel={2} description={description} primaryAction={action} />;
}
