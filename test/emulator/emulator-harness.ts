import {
  demoProgram,
  startEmulator,
  type Dataset,
  type Exchange,
  type RunningEmulator,
} from '../../dev/emulator';
import { clock } from '../../src/clock';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body; undefined when empty or not JSON. */
  json: unknown;
}

export interface Harness {
  emulator: RunningEmulator;
  exchanges: Exchange[];
  call(method: string, path: string, opts?: { body?: unknown; as?: string; auth?: string }): Promise<Reply>;
}

let demo: Dataset | undefined;
/** The demo dataset, built once per test file (it is deterministic). */
export function demoDataset(): Dataset {
  demo ??= demoProgram();
  return demo;
}

/** Starts an emulator on a random port; `as` = 'app' or a user's accountId. */
export async function startHarness(
  dataset: Dataset = demoDataset(),
  opts: { now?: () => Date } = {},
): Promise<Harness> {
  const exchanges: Exchange[] = [];
  const emulator = await startEmulator({
    dataset,
    onExchange: (ex) => exchanges.push(ex),
    now: opts.now ?? (() => new Date(clock())),
  });
  return {
    emulator,
    exchanges,
    async call(method, path, { body, as = 'app', auth } = {}) {
      const res = await fetch(`${emulator.url}${path}`, {
        method,
        headers: {
          authorization: auth ?? (as === 'app' ? 'Bearer app' : `Bearer user:${as}`),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      let json: unknown;
      try {
        json = text === '' ? undefined : JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: res.status, headers: res.headers, text, json };
    },
  };
}

/** Reads a nested value without casts: `at(body, 'issues', 0, 'key')`. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let cur = value;
  for (const part of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = Object.entries(cur).find(([k]) => k === String(part))?.[1];
  }
  return cur;
}

export function list(value: unknown, ...path: (string | number)[]): unknown[] {
  const found = at(value, ...path);
  return Array.isArray(found) ? found.map((x: unknown) => x) : [];
}

/** All keys of a search, following nextPageToken to the end. */
export async function searchKeys(h: Harness, jql: string, as = 'app', maxResults = 100): Promise<string[]> {
  const keys: string[] = [];
  let token: unknown;
  do {
    const res = await h.call('POST', '/rest/api/3/search/jql', {
      as,
      body: {
        jql,
        fields: ['key'],
        maxResults,
        ...(typeof token === 'string' ? { nextPageToken: token } : {}),
      },
    });
    if (res.status !== 200) throw new Error(`search ${jql}: ${res.status} ${res.text}`);
    for (const issue of list(res.json, 'issues')) keys.push(String(at(issue, 'key')));
    token = at(res.json, 'nextPageToken');
  } while (typeof token === 'string');
  return keys;
}
