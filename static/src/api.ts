/**
 * The one way the UI talks to the resolvers: keys, payloads and responses all come from the shared
 * contract (types only, so zod stays out of the bundle), so a key the contract lacks does not compile.
 */
import { invoke } from '@forge/bridge';
import type { Envelope, PayloadOf, ResolverKey, ResponseOf } from '../../src/shared/contract';
import { ResolverCallError, unwrapEnvelope, type EnvelopeReply } from './envelope';
import { currentProgram } from './program';

export { ResolverCallError } from './envelope';

export async function call<K extends ResolverKey>(key: K, payload: PayloadOf<K>): Promise<ResponseOf<K>> {
  let reply: EnvelopeReply<ResponseOf<K>>;
  const programId = payload.programId ?? currentProgram();
  const sent: PayloadOf<K> = programId === undefined ? payload : { ...payload, programId };
  try {
    reply = await invoke<PayloadOf<K>, Envelope<ResponseOf<K>>>(key, sent);
  } catch (cause) {
    // The bridge rejects when the resolver throws or the host cannot reach it: no envelope exists.
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ResolverCallError('BRIDGE_FAILED', `Could not reach the MetaScrum app: ${reason}`);
  }
  return unwrapEnvelope(reply);
}
