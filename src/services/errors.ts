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
