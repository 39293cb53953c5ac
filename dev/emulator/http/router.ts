import type { Caller } from '../access/caller';
import type { EmulatorState } from '../state/emulator-state';
import type { RenderedIssues } from '../state/rendered-issues';

export interface RouteContext {
  caller: Caller;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  state: EmulatorState;
  /** The emulator's base URL, for `self` links. */
  baseUrl: string;
  /** Issues serialised once (the benchmark's emulator), else undefined: render per request. */
  rendered?: RenderedIssues | undefined;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (ctx: RouteContext) => Reply;

export interface Route {
  method: string;
  /** OpenAPI-style template, e.g. `/rest/api/3/issue/{issueIdOrKey}`; also the stats key. */
  template: string;
  handler: RouteHandler;
}

interface CompiledRoute extends Route {
  regex: RegExp;
  names: string[];
}

/** Matches method + path against route templates; literal segments win over parameters. */
export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: readonly Route[]) {
    this.routes = routes
      .map((route) => {
        const names: string[] = [];
        const pattern = route.template.replace(/\{(\w+)\}/g, (_m, name: string) => {
          names.push(name);
          return '([^/]+)';
        });
        return { ...route, regex: new RegExp(`^${pattern}/?$`), names };
      })
      .sort((a, b) => a.names.length - b.names.length);
  }

  match(
    method: string,
    path: string,
  ): { route: Route; params: Record<string, string> } | { route: undefined; allowed: boolean } {
    let allowed = false;
    for (const route of this.routes) {
      const m = route.regex.exec(path);
      if (!m) continue;
      if (route.method !== method) {
        allowed = true;
        continue;
      }
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1] ?? '')));
      return { route, params };
    }
    return { route: undefined, allowed };
  }
}

export const ok = (body: unknown, status = 200): Reply => ({ status, body });
export const noContent = (): Reply => ({ status: 204 });
