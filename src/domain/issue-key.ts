/** The two parts of a Jira issue key (`PAY-12`): its project key and its number. */
export const projectKeyOf = (issueKey: string): string =>
  issueKey.slice(0, Math.max(0, issueKey.lastIndexOf('-')));

export const issueNumberOf = (issueKey: string): number =>
  Number(issueKey.slice(issueKey.lastIndexOf('-') + 1));
