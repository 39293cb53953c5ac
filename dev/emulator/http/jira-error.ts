/** An error reply in Jira's shape: `{ errorMessages: [...], errors: {...} }`. */
export class JiraError extends Error {
  constructor(
    readonly status: number,
    readonly errorMessages: string[],
    readonly errors: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(errorMessages[0] ?? Object.values(errors)[0] ?? `HTTP ${status}`);
  }

  get body(): { errorMessages: string[]; errors: Record<string, string> } {
    return { errorMessages: this.errorMessages, errors: this.errors };
  }
}

export const jiraErrors = {
  badRequest: (message: string) => new JiraError(400, [message]),
  fieldError: (field: string, message: string) => new JiraError(400, [], { [field]: message }),
  unauthorized: () =>
    new JiraError(401, ['You are not authenticated. Authentication required to perform this operation.']),
  forbidden: (message: string) => new JiraError(403, [message]),
  notFound: (message: string) => new JiraError(404, [message]),
  issueNotFound: () => new JiraError(404, ['Issue does not exist or you do not have permission to see it.']),
  expiredPageToken: () =>
    new JiraError(400, ['The provided next page token is invalid or expired. Please restart the search.']),
};
