/**
 * Typed failures of the Jira seam. Everything above `src/jira/` branches on these classes, never on
 * HTTP status codes or on the shape of Jira's error bodies.
 */
export abstract class JiraError extends Error {
  abstract readonly kind: string;
  constructor(
    message: string,
    readonly status: number | undefined,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class JiraRateLimited extends JiraError {
  readonly kind = 'rate-limited';
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message, 429);
  }
}

/** 401 or 403: the caller (user or app) may not do this. */
export class JiraForbidden extends JiraError {
  readonly kind = 'forbidden';
}

export class JiraNotFound extends JiraError {
  readonly kind = 'not-found';
}

/** 400: Jira refused the request (bad JQL, a project that does not exist, a field error...). */
export class JiraBadRequest extends JiraError {
  readonly kind = 'bad-request';
  constructor(
    message: string,
    readonly errorMessages: string[],
    readonly errors: Record<string, string>,
  ) {
    super(message, 400);
  }
}

/** Jira answered, but not with what its API promises: `path` names the first bad element. */
export class JiraBadReply extends JiraError {
  readonly kind = 'bad-reply';
  constructor(
    message: string,
    status: number,
    readonly path: string,
  ) {
    super(message, status);
  }
}

/** 5xx, a network failure or a deadline passed: worth retrying later. */
export class JiraUnavailable extends JiraError {
  readonly kind = 'unavailable';
}

/**
 * The request could not be (re)tried before the invocation's deadline: `lastError` is why it needed
 * another attempt (undefined when the deadline had passed before the first). Still JiraUnavailable, so
 * a build keeps the previous data for what it could not read.
 */
export class JiraDeadlineExceeded extends JiraUnavailable {
  constructor(
    message: string,
    readonly lastError: JiraError | undefined,
  ) {
    super(message, lastError?.status);
  }
}
