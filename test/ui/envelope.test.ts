import { ResolverCallError, unwrapEnvelope, type EnvelopeReply } from '../../static/src/envelope';

function caught(fn: () => unknown): ResolverCallError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ResolverCallError) return error;
    throw error;
  }
  throw new Error('expected a ResolverCallError');
}

describe('unwrapEnvelope', () => {
  it('returns the data of an ok envelope', () => {
    expect(unwrapEnvelope({ ok: true, data: { programName: 'Checkout' } })).toEqual({
      programName: 'Checkout',
    });
  });

  it('unwraps the { body } form the bridge uses when metadata was requested', () => {
    const reply: EnvelopeReply<number> = { body: { ok: true, data: 42 } };
    expect(unwrapEnvelope(reply)).toBe(42);
  });

  it('turns an error envelope into a ResolverCallError with code, message and field', () => {
    const error = caught(() =>
      unwrapEnvelope({
        ok: false,
        error: { code: 'BAD_PAYLOAD', message: 'must not be empty', field: 'settings.name' },
      }),
    );
    expect(error).toMatchObject({
      code: 'BAD_PAYLOAD',
      message: 'must not be empty',
      field: 'settings.name',
    });
  });

  it('leaves field undefined when the resolver names none', () => {
    const error = caught(() =>
      unwrapEnvelope({ ok: false, error: { code: 'FORBIDDEN', message: 'no access' } }),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(error.field).toBeUndefined();
  });

  it('reports a missing reply as BAD_ENVELOPE rather than returning undefined data', () => {
    expect(caught(() => unwrapEnvelope<string>(undefined)).code).toBe('BAD_ENVELOPE');
    expect(caught(() => unwrapEnvelope<string>(null)).code).toBe('BAD_ENVELOPE');
  });
});
