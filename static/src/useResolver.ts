/** Loads one resolver key into a loading / error / ready state, with a retry. */
import { useCallback, useEffect, useState } from 'react';
import type { PayloadOf, ResolverKey, ResponseOf } from '../../src/shared/contract';
import { call, ResolverCallError } from './api';

export type Loadable<T> =
  { state: 'loading' } | { state: 'error'; error: ResolverCallError } | { state: 'ready'; data: T };

export function toCallError(cause: unknown): ResolverCallError {
  if (cause instanceof ResolverCallError) return cause;
  return new ResolverCallError('INTERNAL', cause instanceof Error ? cause.message : String(cause));
}

export function useResolver<K extends ResolverKey>(
  key: K,
  payload: PayloadOf<K>,
): [Loadable<ResponseOf<K>>, () => void, (data: ResponseOf<K>) => void] {
  const [loadable, setLoadable] = useState<Loadable<ResponseOf<K>>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // Payloads are small plain objects: their JSON is a stable identity for the effect.
  const payloadJson = JSON.stringify(payload);

  useEffect(() => {
    let current = true;
    setLoadable({ state: 'loading' });
    call(key, payload).then(
      (data) => current && setLoadable({ state: 'ready', data }),
      (cause: unknown) => current && setLoadable({ state: 'error', error: toCallError(cause) }),
    );
    return () => {
      current = false;
    };
  }, [key, payloadJson, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((data: ResponseOf<K>) => setLoadable({ state: 'ready', data }), []);
  return [loadable, retry, replace];
}
