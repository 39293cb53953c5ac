import type { Envelope, ResolverKey, ResponseOf } from '../shared/contract';

/** What @forge/resolver hands a resolver function (only the parts we read). */
export interface ResolverRequest {
  payload: unknown;
  context: { accountId?: string; moduleKey?: string; extension?: unknown };
}

export type ResolverFunction<K extends ResolverKey> = (
  request: ResolverRequest,
) => Promise<Envelope<ResponseOf<K>>>;

/** One entry per contract key: the compiler refuses a missing key, an extra key or a wrong response. */
export type ResolverTable = { [K in ResolverKey]: ResolverFunction<K> };
