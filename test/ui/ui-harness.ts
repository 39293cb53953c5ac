/**
 * Renders a view of the Custom UI in jsdom with the Forge bridge replaced: `invoke` answers from a
 * table of resolver keys (envelopes, as the real resolvers do), so each view's states can be driven.
 * Views are loaded with jest.requireActual and typed here, because the root tsconfig (no JSX) must not
 * follow imports into static/src's .tsx files; `npm run typecheck` checks those with static/tsconfig.
 */
import { createElement, type ComponentType } from 'react';
import { render, type RenderResult } from '@testing-library/react';
import type { Envelope, ErrorCode, ResolverKey } from '../../src/shared/contract';

export type Reply = Envelope<unknown> | Promise<Envelope<unknown>> | (() => Promise<Envelope<unknown>>);
export const replies = new Map<ResolverKey, (payload: unknown) => Reply>();
export const calls: Array<{ key: string; payload: unknown }> = [];

export const bridgeMock = {
  invoke: jest.fn(async (key: string, payload: unknown) => {
    calls.push({ key, payload });
    const handler = [...replies].find(([k]) => k === key)?.[1];
    if (!handler) return { ok: false, error: { code: 'INTERNAL', message: `no reply for ${key}` } };
    const reply = handler(payload);
    return typeof reply === 'function' ? reply() : reply;
  }),
  router: { navigate: jest.fn(() => Promise.resolve()) },
  view: {
    submit: jest.fn((_config: unknown) => Promise.resolve()),
    theme: { enable: jest.fn(() => Promise.resolve()) },
  },
};

export function ok(data: unknown): Envelope<unknown> {
  return { ok: true, data };
}

export function failure(
  code: ErrorCode,
  message: string,
  field?: string,
  problems?: Array<{ field: string; message: string }>,
): Envelope<unknown> {
  return {
    ok: false,
    error: { code, message, ...(field ? { field } : {}), ...(problems ? { problems } : {}) },
  };
}

/** Never settles: the view stays in its loading state. */
export const pending = () => new Promise<Envelope<unknown>>(() => undefined);

export function renderView<P extends object>(path: string, props: P): RenderResult {
  const module = jest.requireActual<{ default: ComponentType<P> }>(`../../static/src/views/${path}`);
  return render(createElement(module.default, props));
}

export function resetBridge(): void {
  replies.clear();
  calls.length = 0;
  bridgeMock.invoke.mockClear();
}
