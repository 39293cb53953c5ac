/**
 * Turns the resolver envelope `{ ok, data } | { ok: false, error }` into a value or a typed error.
 * Pure (no @forge/bridge import) so it can be unit-tested outside a Forge iframe.
 */
import type { Envelope, ErrorCode } from '../../src/shared/contract';

/** Codes raised on the UI side when the reply is not an envelope at all. */
export type ClientErrorCode = 'BAD_ENVELOPE' | 'BRIDGE_FAILED';

export class ResolverCallError extends Error {
  override readonly name = 'ResolverCallError';

  constructor(
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    /** The payload field at fault (dotted path), when the resolver named one. */
    readonly field?: string,
    /** Every invalid field, when the resolver named several. */
    readonly problems: ReadonlyArray<{ field: string; message: string }> = [],
  ) {
    super(message);
  }
}

/**
 * What `invoke` hands back: the envelope itself, or `{ body, metadata }` when metadata was requested.
 * The resolver parses its response with the contract's schema before answering, so the contract's
 * type is trusted here; only the envelope's own shape is checked.
 */
export type EnvelopeReply<T> = Envelope<T> | { body: Envelope<T> };

export function unwrapEnvelope<T>(reply: EnvelopeReply<T> | null | undefined): T {
  const envelope = reply && 'body' in reply ? reply.body : reply;
  if (!envelope || typeof envelope !== 'object' || typeof envelope.ok !== 'boolean') {
    throw new ResolverCallError('BAD_ENVELOPE', 'The app answered in an unexpected format.');
  }
  if (envelope.ok) return envelope.data;
  const { error } = envelope;
  if (!error || typeof error.code !== 'string' || typeof error.message !== 'string') {
    throw new ResolverCallError('BAD_ENVELOPE', 'The app reported an error without details.');
  }
  const problems = Array.isArray(error.problems)
    ? error.problems.filter((p) => typeof p.field === 'string' && typeof p.message === 'string')
    : [];
  throw new ResolverCallError(
    error.code,
    error.message,
    typeof error.field === 'string' ? error.field : undefined,
    problems,
  );
}
