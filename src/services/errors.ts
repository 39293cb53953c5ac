/** Failures a use case reports to its caller, each mapped by the resolvers to an envelope error. */
export class InvalidInput extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

export class NotAllowed extends Error {}

/** Answered exactly like an issue that does not exist, so nothing is learnt about hidden ones. */
export class NotFound extends Error {}

/** An issue the user may browse, of a project the program does not (or no longer) include. */
export class NotInProgram extends Error {}

/**
 * Several invalid fields at once (a program config): each is named; the first is the envelope's field.
 * Each message is already a sentence naming its field for people ("Horizon: minimum sprints must ..."),
 * so the joined message does not repeat the dotted paths.
 */
export class InvalidFields extends InvalidInput {
  constructor(readonly problems: Array<{ field: string; message: string }>) {
    super(problems[0]?.field ?? 'config', problems.map((p) => p.message).join('; '));
    this.message = problems.map((p) => p.message).join('; ');
  }
}

/** A change made on an older version of what it changes; `current` is what is stored now. */
export class VersionConflict<T> extends Error {
  constructor(
    message: string,
    readonly current: T,
  ) {
    super(message);
  }
}

/** Jira would refuse the user this action: the permission and the first issue it is missing on. */
export class MissingPermission extends NotAllowed {
  constructor(
    readonly permission: string,
    readonly issueKey: string,
    message: string,
  ) {
    super(message);
  }
}
