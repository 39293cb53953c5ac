import { z } from 'zod';
import { runJql } from '../jql/jql-evaluator';
import { jiraErrors } from '../http/jira-error';
import { parseInput } from '../http/parse-body';
import { ok, type Route, type RouteContext } from '../http/router';
import { parseFieldSelection, renderIssue, selectsOnlyIdentifiers } from '../state/issue-view';
import type { EmulatorState } from '../state/emulator-state';
import { rawJson } from '../state/rendered-issues';

const SearchInput = z.looseObject({
  jql: z.string().optional(),
  nextPageToken: z.string().optional(),
  maxResults: z.coerce.number().int().min(0).optional(),
  fields: z.array(z.string()).optional(),
  properties: z.array(z.string()).optional(),
});
type SearchInput = z.output<typeof SearchInput>;

const MAX_SNAPSHOTS = 500;
let snapshotCounter = 0;

function encodeToken(snapshot: string, offset: number): string {
  return Buffer.from(`${snapshot}:${offset}`).toString('base64url');
}

function decodeToken(
  token: string,
  state: EmulatorState,
): { ids: string[]; snapshot: string; offset: number } {
  const [snapshot = '', offsetText = ''] = Buffer.from(token, 'base64url').toString('utf8').split(':');
  const ids = state.searchSnapshots.get(snapshot);
  const offset = Number(offsetText);
  if (!ids || !Number.isInteger(offset) || offset < 0) throw jiraErrors.expiredPageToken();
  return { ids, snapshot, offset };
}

/** `POST|GET /rest/api/3/search/jql`: token paging, no `total`, `isLast`, Jira's page-size caps. */
function search(ctx: RouteContext, input: SearchInput) {
  const { state, caller } = ctx;
  const sel = parseFieldSelection(input.fields, 'id');
  const cap = selectsOnlyIdentifiers(sel) ? 5000 : 100;
  const limit = Math.max(1, Math.min(input.maxResults ?? 50, cap));
  let page: { ids: string[]; snapshot: string; offset: number };
  if (input.nextPageToken !== undefined && input.nextPageToken !== '') {
    page = decodeToken(input.nextPageToken, state);
  } else {
    const ids = runJql(input.jql ?? '', state, caller);
    const snapshot = `s${++snapshotCounter}`;
    state.searchSnapshots.set(snapshot, ids);
    if (state.searchSnapshots.size > MAX_SNAPSHOTS) {
      const oldest = state.searchSnapshots.keys().next().value;
      if (oldest !== undefined) state.searchSnapshots.delete(oldest);
    }
    page = { ids, snapshot, offset: 0 };
  }
  const slice = page.ids.slice(page.offset, page.offset + limit);
  const end = page.offset + slice.length;
  const isLast = end >= page.ids.length;
  const next = isLast ? {} : { nextPageToken: encodeToken(page.snapshot, end) };
  const found = slice.flatMap((id) => state.issues.get(id) ?? []);
  const { rendered } = ctx;
  if (rendered) {
    const parts = [Buffer.from('{"issues":[')];
    found.forEach((issue, i) => {
      if (i > 0) parts.push(Buffer.from(','));
      rendered.render(parts, issue, sel, caller, input.properties);
    });
    parts.push(Buffer.from(`],${JSON.stringify({ ...next, isLast }).slice(1)}`));
    return ok(rawJson(parts));
  }
  const issues = found.map((issue) =>
    renderIssue(issue, sel, state, caller, ctx.baseUrl, { properties: input.properties }),
  );
  return ok({ issues, ...next, isLast });
}

const splitList = (value: string | undefined) => (value === undefined ? undefined : value.split(','));

export const searchRoutes: Route[] = [
  {
    method: 'POST',
    template: '/rest/api/3/search/jql',
    handler: (ctx) => search(ctx, parseInput(SearchInput, ctx.body ?? {})),
  },
  {
    method: 'GET',
    template: '/rest/api/3/search/jql',
    handler: (ctx) =>
      search(
        ctx,
        parseInput(SearchInput, {
          ...ctx.query,
          fields: splitList(ctx.query.fields),
          properties: splitList(ctx.query.properties),
        }),
      ),
  },
];
