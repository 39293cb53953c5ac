/**
 * Loads one resolver key into a loading / error / ready state, with a retry. While a new payload or a
 * reload is on its way, `previous` keeps the last answer so a view can stay on screen (paging, sorting).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PayloadOf, ResolverKey, ResponseOf } from '../../src/shared/contract';
import { call, ResolverCallError } from './api';

export type Loadable<T> =
  | { state: 'loading'; previous?: T }
  | { state: 'error'; error: ResolverCallError }
  | { state: 'ready'; data: T };

export function toCallError(cause: unknown): ResolverCallError {
  if (cause instanceof ResolverCallError) return cause;
  return new ResolverCallError('INTERNAL', cause instanceof Error ? cause.message : String(cause));
}

export function useResolver<K extends ResolverKey>(
  key: K,
  payload: PayloadOf<K>,
): [Loadable<ResponseOf<K>>, () => void, (data: ResponseOf<K>) => void, () => void] {
  const [loadable, setLoadable] = useState<Loadable<ResponseOf<K>>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const last = useRef<ResponseOf<K> | undefined>(undefined);
  // Payloads are small plain objects: their JSON is a stable identity for the effect.
  const payloadJson = JSON.stringify(payload);

  useEffect(() => {
    let current = true;
    setLoadable(
      last.current === undefined ? { state: 'loading' } : { state: 'loading', previous: last.current },
    );
    call(key, payload).then(
      (data) => {
        if (!current) return;
        last.current = data;
        setLoadable({ state: 'ready', data });
      },
      (cause: unknown) => current && setLoadable({ state: 'error', error: toCallError(cause) }),
    );
    return () => {
      current = false;
    };
  }, [key, payloadJson, attempt]);

  const retry = useCallback(() => {
    last.current = undefined;
    setAttempt((n) => n + 1);
  }, []);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((data: ResponseOf<K>) => {
    last.current = data;
    setLoadable({ state: 'ready', data });
  }, []);
  return [loadable, retry, replace, reload];
}
