/**
 * A link to an issue. Inside Forge the iframe cannot navigate Jira itself, so a click goes through
 * `router.navigate`; the href (on the site URL) keeps copy-link and middle-click working.
 */
import { router } from '@forge/bridge';
import { createContext, useContext, type MouseEvent } from 'react';
import { token } from '@atlaskit/tokens';

export const SiteUrlContext = createContext('');

export function IssueLink({ issueKey }: { issueKey: string }) {
  const siteUrl = useContext(SiteUrlContext);
  const path = `/browse/${encodeURIComponent(issueKey)}`;
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    void router.navigate(path);
  };
  return (
    // A key is one word: in a narrow column "SRCH-" above "1" reads as two things.
    <a
      href={`${siteUrl}${path}`}
      onClick={onClick}
      style={{ color: token('color.link'), fontWeight: 500, whiteSpace: 'nowrap' }}
    >
      {issueKey}
    </a>
  );
}
